package io.masscast.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One point of a campaign's time series: its numbers when they last changed. */
public record StatsSnapshot(long campaignId, Instant at, StatsFigures figures) {
    public StatsSnapshot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(figures, "figures");
    }

    /** A campaign's figures at {@code at}: its latest snapshot taken by then (oldest first), or nothing before its first. */
    public static StatsFigures figuresAt(List<StatsSnapshot> snapshots, Instant at) {
        StatsFigures figures = StatsFigures.NONE;
        for (StatsSnapshot snapshot : snapshots) {
            if (snapshot.at().isAfter(at)) {
                break;
            }
            figures = snapshot.figures();
        }
        return figures;
    }
}
