package io.masscast.core.port;

import io.masscast.core.model.ConnectionHealth;
import io.masscast.core.model.ConnectionState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Per-connection state shared by the replicas. Each change is a targeted statement, so the poller, the
 * watcher and a webhook changing different parts of one connection at once do not undo each other.
 */
public interface ConnectionStore {

    Optional<ConnectionState> find(String connectionId);

    /** Connections whose health is not {@link ConnectionHealth#ACTIVE}. */
    List<ConnectionState> unhealthy();

    /** Sets when the connection is next polled and how many polls in a row failed. */
    void schedulePoll(String connectionId, Instant nextPollAt, int failures, Instant now);

    /**
     * Moves the health from one of {@code from} to {@code to}; false (nothing written) if it was in
     * none of them. A connection never seen before counts as {@link ConnectionHealth#ACTIVE}.
     */
    boolean changeHealth(
            String connectionId, List<ConnectionHealth> from, ConnectionHealth to, String reason, Instant now);

    /** Sets when the connection's session is next probed. */
    void scheduleProbe(String connectionId, Instant at, Instant now);

    /** Records an OFAuth event id; false if it was recorded before (a redelivery). */
    boolean recordEvent(String eventId, String type, Instant receivedAt);
}
