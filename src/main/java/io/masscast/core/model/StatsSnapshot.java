package io.masscast.core.model;

import java.time.Instant;
import java.util.Objects;

/** One point of a campaign's time series: its numbers when they last changed. */
public record StatsSnapshot(long campaignId, Instant at, StatsFigures figures) {
    public StatsSnapshot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(figures, "figures");
    }
}
