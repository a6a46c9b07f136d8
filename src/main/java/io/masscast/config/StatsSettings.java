package io.masscast.config;

import java.time.Duration;
import java.util.Objects;

/**
 * What the stats poller and the connection watcher need.
 *
 * @param interval           pause between two poll cycles of one connection
 * @param trackDays          how many days after sending a campaign is still polled
 * @param buyerNoteInterval  at most one buyers note per campaign per this interval
 * @param probeInterval      how often each bound connection's session is checked
 */
public record StatsSettings(Duration interval, int trackDays, Duration buyerNoteInterval, Duration probeInterval) {

    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(60);
    /** The default when OFAuth is the built-in simulator, where polling costs nothing real. */
    public static final Duration SIMULATOR_INTERVAL = Duration.ofSeconds(5);

    public static final int DEFAULT_TRACK_DAYS = 7;
    public static final Duration DEFAULT_BUYER_NOTE_INTERVAL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_PROBE_INTERVAL = Duration.ofMinutes(15);

    /** The bounds the loader enforces, so a setting can't spend the rate budget or go quiet for days. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);

    static final Duration MAX_INTERVAL = Duration.ofHours(24);
    static final int MAX_TRACK_DAYS = 90;
    static final Duration MIN_PROBE_INTERVAL = Duration.ofMinutes(1);

    public StatsSettings {
        requireWithin(interval, MIN_INTERVAL, "interval");
        if (trackDays < 1 || trackDays > MAX_TRACK_DAYS) {
            throw new IllegalArgumentException("trackDays must be 1 to " + MAX_TRACK_DAYS);
        }
        requireWithin(buyerNoteInterval, Duration.ZERO, "buyerNoteInterval");
        requireWithin(probeInterval, MIN_PROBE_INTERVAL, "probeInterval");
    }

    public static StatsSettings defaults() {
        return new StatsSettings(
                DEFAULT_INTERVAL, DEFAULT_TRACK_DAYS, DEFAULT_BUYER_NOTE_INTERVAL, DEFAULT_PROBE_INTERVAL);
    }

    public Duration trackFor() {
        return Duration.ofDays(trackDays);
    }

    public String describe() {
        return "stats: each connection polled every " + EnvReader.durationText(interval) + ", campaigns followed for "
                + trackDays + " days after sending, buyer notes at most every "
                + EnvReader.durationText(buyerNoteInterval)
                + ", sessions checked every " + EnvReader.durationText(probeInterval);
    }

    private static void requireWithin(Duration value, Duration min, String name) {
        Objects.requireNonNull(value, name);
        if (value.compareTo(min) < 0 || value.compareTo(MAX_INTERVAL) > 0) {
            throw new IllegalArgumentException(name + " must be " + min + " to " + MAX_INTERVAL);
        }
    }
}
