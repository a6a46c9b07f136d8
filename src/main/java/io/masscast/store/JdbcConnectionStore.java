package io.masscast.store;

import io.masscast.core.model.ConnectionHealth;
import io.masscast.core.model.ConnectionState;
import io.masscast.core.port.ConnectionStore;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** Per-connection health and schedules, and the OFAuth events already handled. */
final class JdbcConnectionStore implements ConnectionStore {

    private static final String COLUMNS =
            "connection_id, health, health_since, health_reason, next_probe_at, next_poll_at, poll_failures";

    // a connection masscast has not heard of yet starts out active
    private static final String ENSURE = """
            INSERT INTO connection_state (connection_id, health, health_since, health_reason, poll_failures)
            VALUES (?, 'ACTIVE', ?, '', 0)
            ON CONFLICT (connection_id) DO NOTHING""";

    private static final String CHANGE_HEALTH = """
            UPDATE connection_state
               SET health = ?, health_since = ?, health_reason = ?
             WHERE connection_id = ? AND health IN (%s)""";

    private final Sql sql;

    JdbcConnectionStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<ConnectionState> find(String connectionId) {
        return sql.one(
                "find connection state",
                "SELECT " + COLUMNS + " FROM connection_state WHERE connection_id = ?",
                JdbcConnectionStore::state,
                connectionId);
    }

    @Override
    public List<ConnectionState> unhealthy() {
        return sql.list(
                "list unhealthy connections",
                "SELECT " + COLUMNS + " FROM connection_state WHERE health <> 'ACTIVE' ORDER BY connection_id",
                JdbcConnectionStore::state);
    }

    @Override
    public void schedulePoll(String connectionId, Instant nextPollAt, int failures, Instant now) {
        ensure(connectionId, now);
        sql.update(
                "schedule poll",
                "UPDATE connection_state SET next_poll_at = ?, poll_failures = ? WHERE connection_id = ?",
                nextPollAt,
                failures,
                connectionId);
    }

    @Override
    public boolean changeHealth(
            String connectionId, List<ConnectionHealth> from, ConnectionHealth to, String reason, Instant now) {
        ensure(connectionId, now);
        Object[] params = Stream.concat(Stream.of(to, now, reason, connectionId), from.stream())
                .toArray();
        return sql.update("change connection health", CHANGE_HEALTH.formatted(Sql.placeholders(from)), params) == 1;
    }

    @Override
    public void scheduleProbe(String connectionId, Instant at, Instant now) {
        ensure(connectionId, now);
        sql.update(
                "schedule probe",
                "UPDATE connection_state SET next_probe_at = ? WHERE connection_id = ?",
                at,
                connectionId);
    }

    @Override
    public boolean recordEvent(String eventId, String type, Instant receivedAt) {
        return sql.update("record OFAuth event", """
                INSERT INTO ofauth_event (event_id, event_type, received_at)
                VALUES (?, ?, ?)
                ON CONFLICT (event_id) DO NOTHING""", eventId, type, receivedAt) == 1;
    }

    private void ensure(String connectionId, Instant now) {
        sql.update("add connection state", ENSURE, connectionId, now);
    }

    private static ConnectionState state(Row row) throws SQLException {
        return new ConnectionState(
                row.string("connection_id"),
                row.enumValue("health", ConnectionHealth.class),
                row.instant("health_since"),
                row.string("health_reason"),
                row.optionalInstant("next_probe_at"),
                row.optionalInstant("next_poll_at"),
                row.intValue("poll_failures"));
    }
}
