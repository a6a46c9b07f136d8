package io.masscast.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What masscast keeps per OFAuth connection, shared by every replica: its health (and since when, and why),
 * when its session is next probed, and when it is next polled for stats (after a failure, later: back-off).
 */
public record ConnectionState(
        String connectionId,
        ConnectionHealth health,
        Instant healthSince,
        String healthReason,
        Optional<Instant> nextProbeAt,
        Optional<Instant> nextPollAt,
        int pollFailures) {

    public ConnectionState {
        ChannelRef.requireText(connectionId, "connectionId");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(healthSince, "healthSince");
        healthReason = healthReason == null ? "" : healthReason;
        Objects.requireNonNull(nextProbeAt, "nextProbeAt");
        Objects.requireNonNull(nextPollAt, "nextPollAt");
        if (pollFailures < 0) {
            throw new IllegalArgumentException("pollFailures must not be negative");
        }
    }

    /** A connection masscast has heard nothing bad about. */
    public static ConnectionState fresh(String connectionId, Instant now) {
        return new ConnectionState(
                connectionId, ConnectionHealth.ACTIVE, now, "", Optional.empty(), Optional.empty(), 0);
    }
}
