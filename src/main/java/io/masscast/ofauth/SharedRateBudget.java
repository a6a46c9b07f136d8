package io.masscast.ofauth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import javax.sql.DataSource;

/**
 * Each connection's bucket as a row of {@code rate_budget} (connection id, bucket4j's serialised state), read and
 * written under a row lock by whichever replica takes a token.
 */
final class SharedRateBudget implements RateBudget {
    static final String TABLE = "rate_budget";

    private final ProxyManager<String> buckets;
    private final ConcurrentMap<String, Bucket> proxies = new ConcurrentHashMap<>();

    SharedRateBudget(DataSource database, Clock clock) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(database)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table(TABLE)
                .idColumn("connection_id")
                .stateColumn("state")
                .clientClock(new ClockTimeMeter(clock))
                .build();
    }

    @Override
    public Bucket bucket(String connectionId, BucketConfiguration configuration) {
        return proxies.computeIfAbsent(connectionId, id -> buckets.builder().build(id, () -> configuration));
    }
}
