package io.masscast.store;

import io.masscast.core.port.SeenRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Signatures seen, in the {@code seen_request} table shared by the replicas: the insert decides (one statement, so
 * two replicas receiving the same request at once cannot both accept it). Expired rows are deleted now and then.
 */
public final class JdbcSeenRequests implements SeenRequests {
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

    // a new signature is inserted; a remembered one is taken over only once its memory expired
    private static final String REMEMBER = """
            INSERT INTO seen_request (signature, expires_at)
            VALUES (?, ?)
            ON CONFLICT (signature) DO UPDATE SET expires_at = excluded.expires_at
             WHERE seen_request.expires_at < ?""";

    private final Database database;
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    public JdbcSeenRequests(Database database) {
        this.database = database;
    }

    @Override
    public boolean firstSeen(String signature, Instant now, Instant until) {
        boolean sweep = sweepDue(now);
        return database.withSql(sql -> {
            if (sweep) {
                sql.update("forget expired request signatures", "DELETE FROM seen_request WHERE expires_at < ?", now);
            }
            return sql.update("remember a request signature", REMEMBER, signature, until, now) == 1;
        });
    }

    private boolean sweepDue(Instant now) {
        Instant due = nextSweep.get();
        return now.isAfter(due) && nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY));
    }
}
