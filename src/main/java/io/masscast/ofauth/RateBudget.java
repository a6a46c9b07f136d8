package io.masscast.ofauth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * Where the token bucket of each OFAuth connection lives. OFAuth limits each connection, not each process: one
 * process keeps the buckets in memory ({@link #inProcess}); replicas sharing PostgreSQL keep each connection's
 * bucket in a row of the database ({@link #shared}), which every replica spends, so the cluster as a whole stays
 * inside OFAuth's limit however many replicas run.
 */
public interface RateBudget {

    /** The bucket of {@code connectionId}, created with {@code configuration} when it is first used. */
    Bucket bucket(String connectionId, BucketConfiguration configuration);

    /** Buckets in this process's memory: the fast path of a single process. */
    static RateBudget inProcess(Clock clock) {
        return new InProcessRateBudget(clock);
    }

    /**
     * Buckets in the {@code rate_budget} table of a PostgreSQL database (created by the migrations), each taken
     * with {@code SELECT ... FOR UPDATE}: one short transaction per token. Refills follow {@code clock}, so the
     * replicas' clocks should agree (NTP).
     */
    static RateBudget shared(DataSource database, Clock clock) {
        return new SharedRateBudget(database, clock);
    }
}
