package io.masscast.ofauth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.local.LocalBucketBuilder;
import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/** Every connection's bucket in this process's memory. */
final class InProcessRateBudget implements RateBudget {
    private final ClockTimeMeter meter;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    InProcessRateBudget(Clock clock) {
        this.meter = new ClockTimeMeter(clock);
    }

    @Override
    public Bucket bucket(String connectionId, BucketConfiguration configuration) {
        return buckets.computeIfAbsent(connectionId, id -> {
            LocalBucketBuilder builder = Bucket.builder().withCustomTimePrecision(meter);
            for (Bandwidth limit : configuration.getBandwidths()) {
                builder.addLimit(limit);
            }
            return builder.build();
        });
    }
}
