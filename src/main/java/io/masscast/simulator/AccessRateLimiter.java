package io.masscast.simulator;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One bucket4j token bucket per connection id for {@code /v2/access/*}, driven by the simulator clock so that
 * {@link SimClock#advance} refills it. Header names follow OFAuth's docs; their exact set and the unit of
 * {@code X-RateLimit-Reset} are not documented: here Reset is the number of seconds until the bucket is full again.
 */
final class AccessRateLimiter {
    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    static final String RETRY_AFTER = "Retry-After";

    private final RateLimitPlan plan;
    private final boolean sendRetryAfter;
    private final TimeMeter meter;
    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    AccessRateLimiter(RateLimitPlan plan, boolean sendRetryAfter, SimClock clock) {
        this.plan = plan;
        this.sendRetryAfter = sendRetryAfter;
        this.meter = new SimTimeMeter(clock);
    }

    record Decision(boolean allowed, Map<String, String> headers) {}

    Decision consume(String connectionId) {
        if (!(plan instanceof RateLimitPlan.TokenBucket bucketPlan)) {
            return new Decision(true, Map.of());
        }
        ConsumptionProbe probe = buckets.computeIfAbsent(connectionId, id -> newBucket(bucketPlan))
                .tryConsumeAndReturnRemaining(1);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(LIMIT, Integer.toString(bucketPlan.burst()));
        headers.put(REMAINING, Long.toString(probe.getRemainingTokens()));
        headers.put(RESET, Long.toString(seconds(probe.getNanosToWaitForReset())));
        if (!probe.isConsumed() && sendRetryAfter) {
            headers.put(RETRY_AFTER, Long.toString(Math.max(1, seconds(probe.getNanosToWaitForRefill()))));
        }
        return new Decision(probe.isConsumed(), headers);
    }

    /** Headers of an injected 429 storm: an empty bucket, without touching the real one. */
    Map<String, String> stormHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        if (plan instanceof RateLimitPlan.TokenBucket bucketPlan) {
            headers.put(LIMIT, Integer.toString(bucketPlan.burst()));
            headers.put(REMAINING, "0");
            headers.put(
                    RESET, Long.toString((long) Math.ceil(bucketPlan.burst() * 60.0 / bucketPlan.refillPerMinute())));
        }
        if (sendRetryAfter) {
            headers.put(RETRY_AFTER, "1");
        }
        return headers;
    }

    private Bucket newBucket(RateLimitPlan.TokenBucket bucketPlan) {
        return Bucket.builder()
                .addLimit(limit -> limit.capacity(bucketPlan.burst())
                        .refillGreedy(bucketPlan.refillPerMinute(), Duration.ofMinutes(1)))
                .withCustomTimePrecision(meter)
                .build();
    }

    private static long seconds(long nanos) {
        return OfDates.ceilSeconds(Duration.ofNanos(nanos));
    }

    private record SimTimeMeter(SimClock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.now();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
