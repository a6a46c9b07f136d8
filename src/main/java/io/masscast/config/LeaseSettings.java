package io.masscast.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a lease on background work (a campaign being sent, a job of one replica) lasts without renewal.
 * A live process renews its leases every third of this and gives them up when it stops cleanly, so this is
 * how long the work of a crashed process waits before another process (or the restarted one) takes it on.
 */
public record LeaseSettings(Duration ttl) {

    public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);
    public static final Duration MIN_TTL = Duration.ofSeconds(1);
    public static final Duration MAX_TTL = Duration.ofMinutes(10);

    public LeaseSettings {
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.compareTo(MIN_TTL) < 0 || ttl.compareTo(MAX_TTL) > 0) {
            throw new IllegalArgumentException(
                    "a lease lasts from " + MIN_TTL.toSeconds() + " s to " + MAX_TTL.toMinutes() + " min");
        }
    }

    public static LeaseSettings defaults() {
        return new LeaseSettings(DEFAULT_TTL);
    }

    public String describe() {
        return "leases: " + ttl.toSeconds() + " s, renewed while working";
    }
}
