package io.masscast.store;

import io.masscast.core.model.Lease;
import io.masscast.core.port.LeaseStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Leases as single statements, so two processes racing for one lease are decided by the database:
 * the row's lock (PostgreSQL) or the single writer (SQLite) lets exactly one statement change it.
 */
final class JdbcLeaseStore implements LeaseStore {

    // inserts a free lease; takes over an existing one only if it is ours or expired
    private static final String ACQUIRE = """
            INSERT INTO lease (name, owner, expires_at)
            VALUES (?, ?, ?)
            ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
             WHERE lease.owner = excluded.owner OR lease.expires_at <= ?""";

    // an expired lease nobody has taken yet is still ours to renew
    private static final String RENEW = "UPDATE lease SET expires_at = ? WHERE name = ? AND owner = ?";

    private final Sql sql;

    JdbcLeaseStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean acquire(String name, String owner, Instant now, Duration ttl) {
        return sql.update("acquire lease", ACQUIRE, name, owner, now.plus(ttl), now) == 1;
    }

    @Override
    public boolean renew(String name, String owner, Instant now, Duration ttl) {
        return sql.update("renew lease", RENEW, now.plus(ttl), name, owner) == 1;
    }

    @Override
    public void release(String name, String owner) {
        sql.update("release lease", "DELETE FROM lease WHERE name = ? AND owner = ?", name, owner);
    }

    @Override
    public Optional<Lease> find(String name) {
        return sql.one(
                "find lease",
                "SELECT name, owner, expires_at FROM lease WHERE name = ?",
                row -> new Lease(row.string("name"), row.string("owner"), row.instant("expires_at")),
                name);
    }
}
