package io.masscast.ofauth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.EstimationProbe;
import io.github.bucket4j.TimeMeter;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure.RateLimited;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One token bucket per connection id, shared by every call to that connection, spent by priority: a
 * BACKGROUND call only takes a token while more than {@code backgroundReserve} remain, an INTERACTIVE call
 * while more than {@code interactiveReserve} remain, a SEND call takes any token. So polling can never
 * empty the bucket in front of a send. Waiting is bounded per priority; giving up is {@link RateLimited},
 * thrown before anything was sent. OFAuth's own view wins when it is stricter: {@code X-RateLimit-Remaining}
 * lowers the bucket, a 429 empties it and closes the connection's bucket until OFAuth's retry time.
 */
final class ConnectionRateLimiter {

    private static final Duration MIN_WAIT = Duration.ofMillis(1);

    private final OfAuthClientConfig.RateLimit config;
    private final Clock clock;
    private final Sleeper sleeper;
    private final TimeMeter meter;
    private final ConcurrentMap<String, Budget> budgets = new ConcurrentHashMap<>();

    ConnectionRateLimiter(OfAuthClientConfig.RateLimit config, Clock clock, Sleeper sleeper) {
        this.config = config;
        this.clock = clock;
        this.sleeper = sleeper;
        this.meter = new ClockTimeMeter(clock);
    }

    /** Takes a token for {@code priority}, waiting up to that priority's bound; else throws {@link RateLimited}. */
    void acquire(String connectionId, CallPriority priority) {
        Budget budget = budget(connectionId);
        long reserve = reserve(priority);
        Duration maxWait = maxWait(priority);
        Instant deadline = clock.instant().plus(maxWait);
        while (true) {
            Optional<Duration> wait = budget.tryTake(reserve, clock.instant());
            if (wait.isEmpty()) {
                return;
            }
            if (clock.instant().plus(wait.get()).isAfter(deadline)) {
                throw new RateLimited("rate limit of connection " + connectionId + ": no token for a "
                        + priority.name().toLowerCase(Locale.ROOT) + " call within " + maxWait.toMillis()
                        + " ms; nothing was sent", wait.get(), Optional.empty());
            }
            try {
                sleeper.sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new RateLimited("rate limit of connection " + connectionId
                        + ": interrupted while waiting for a token; nothing was sent", wait.get(), Optional.empty());
            }
        }
    }

    /** Lowers the connection's bucket to OFAuth's {@code X-RateLimit-Remaining}, never raises it. */
    void observeRemaining(String connectionId, OptionalLong remaining) {
        if (remaining.isPresent()) {
            budget(connectionId).lowerTo(remaining.getAsLong());
        }
    }

    /** After a 429: empty the bucket and take no token before OFAuth's retry time. */
    void backOff(String connectionId, Duration retryAfter) {
        budget(connectionId).block(clock.instant().plus(retryAfter));
    }

    /** Tokens left for a connection (for tests and metrics). */
    long availableTokens(String connectionId) {
        return budget(connectionId).bucket.getAvailableTokens();
    }

    private Budget budget(String connectionId) {
        return budgets.computeIfAbsent(connectionId, id -> new Budget(Bucket.builder()
                .addLimit(limit -> limit.capacity(config.burst()).refillGreedy(config.refillTokens(), config.refillPeriod()))
                .withCustomTimePrecision(meter)
                .build()));
    }

    private long reserve(CallPriority priority) {
        return switch (priority) {
            case SEND -> 0;
            case INTERACTIVE -> config.interactiveReserve();
            case BACKGROUND -> config.backgroundReserve();
        };
    }

    private Duration maxWait(CallPriority priority) {
        return switch (priority) {
            case SEND -> config.sendMaxWait();
            case INTERACTIVE -> config.interactiveMaxWait();
            case BACKGROUND -> config.backgroundMaxWait();
        };
    }

    /** A bucket plus OFAuth's "not before" time; check-and-take is atomic under the budget's lock. */
    private static final class Budget {
        private final Bucket bucket;
        private Instant blockedUntil = Instant.MIN;

        Budget(Bucket bucket) {
            this.bucket = bucket;
        }

        /** Empty when a token was taken, else how long to wait before trying again. */
        synchronized Optional<Duration> tryTake(long reserve, Instant now) {
            if (now.isBefore(blockedUntil)) {
                return Optional.of(Duration.between(now, blockedUntil));
            }
            EstimationProbe probe = bucket.estimateAbilityToConsume(reserve + 1);
            if (probe.canBeConsumed()) {
                bucket.tryConsume(1);
                return Optional.empty();
            }
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            return Optional.of(wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait);
        }

        synchronized void lowerTo(long remaining) {
            long excess = bucket.getAvailableTokens() - remaining;
            if (excess > 0) {
                bucket.tryConsumeAsMuchAsPossible(excess);
            }
        }

        synchronized void block(Instant until) {
            bucket.tryConsumeAsMuchAsPossible();
            if (until.isAfter(blockedUntil)) {
                blockedUntil = until;
            }
        }
    }

    /** Lets bucket4j refill by the client's clock, so tests drive time instead of waiting for it. */
    private record ClockTimeMeter(Clock clock) implements TimeMeter {
        @Override
        public long currentTimeNanos() {
            Instant now = clock.instant();
            return now.getEpochSecond() * 1_000_000_000L + now.getNano();
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
