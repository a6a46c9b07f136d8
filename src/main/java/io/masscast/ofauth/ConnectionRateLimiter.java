package io.masscast.ofauth;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One token bucket per connection id, shared by every call to that connection (and, on a {@link RateBudget#shared}
 * budget, by every replica), spent by priority: a BACKGROUND call only takes a token while more than
 * {@code backgroundReserve} remain, an INTERACTIVE call while more than {@code interactiveReserve} remain, a SEND
 * call takes any token. So polling can never empty the bucket in front of a send. Waiting is bounded per priority;
 * giving up is {@link RateLimited}, thrown before anything was sent. OFAuth's own view wins when it is stricter:
 * {@code X-RateLimit-Remaining} lowers the bucket, a 429 empties it and closes the connection here until OFAuth's
 * retry time (other replicas find the bucket empty and wait for its refill).
 */
final class ConnectionRateLimiter {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionRateLimiter.class);
    private static final Duration MIN_WAIT = Duration.ofMillis(1);
    /** How long a call waits when a shared budget cannot be read (the database is unreachable). */
    private static final Duration BUDGET_UNAVAILABLE_WAIT = Duration.ofSeconds(2);

    private final OfAuthClientConfig.RateLimit config;
    private final BucketConfiguration bucketConfiguration;
    private final RateBudget budget;
    private final Clock clock;
    private final Sleeper sleeper;
    private final OfAuthObserver observer;
    private final ConcurrentMap<String, Budget> budgets = new ConcurrentHashMap<>();

    ConnectionRateLimiter(OfAuthClientConfig.RateLimit config, Clock clock, Sleeper sleeper) {
        this(config, RateBudget.inProcess(clock), clock, sleeper, OfAuthObserver.NONE);
    }

    ConnectionRateLimiter(
            OfAuthClientConfig.RateLimit config,
            RateBudget budget,
            Clock clock,
            Sleeper sleeper,
            OfAuthObserver observer) {
        this.config = config;
        this.bucketConfiguration = BucketConfiguration.builder()
                .addLimit(limit ->
                        limit.capacity(config.burst()).refillGreedy(config.refillTokens(), config.refillPeriod()))
                .build();
        this.budget = budget;
        this.clock = clock;
        this.sleeper = sleeper;
        this.observer = observer;
    }

    /** Takes a token for {@code priority}, waiting up to that priority's bound; else throws {@link RateLimited}. */
    void acquire(String connectionId, CallPriority priority) {
        Budget connection = budget(connectionId);
        long reserve = reserve(priority);
        Duration maxWait = maxWait(priority);
        Instant start = clock.instant();
        Instant deadline = start.plus(maxWait);
        while (true) {
            Optional<Duration> wait = connection.tryTake(reserve, clock.instant());
            if (wait.isEmpty()) {
                Duration waited = Duration.between(start, clock.instant());
                if (!waited.isZero()) {
                    observer.waited(connectionId, priority, waited);
                }
                return;
            }
            if (clock.instant().plus(wait.get()).isAfter(deadline)) {
                observer.refused(connectionId, priority);
                throw new RateLimited(
                        "rate limit of connection " + connectionId + ": no token for a "
                                + priority.name().toLowerCase(Locale.ROOT) + " call within " + maxWait.toMillis()
                                + " ms; nothing was sent",
                        wait.get(),
                        Optional.empty());
            }
            try {
                sleeper.sleep(wait.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                observer.refused(connectionId, priority);
                throw new RateLimited(
                        "rate limit of connection " + connectionId
                                + ": interrupted while waiting for a token; nothing was sent",
                        wait.get(),
                        Optional.empty());
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

    /** Tokens left for a connection (for tests). */
    long availableTokens(String connectionId) {
        return budget(connectionId).bucket.getAvailableTokens();
    }

    private Budget budget(String connectionId) {
        return budgets.computeIfAbsent(
                connectionId, id -> new Budget(id, budget.bucket(id, bucketConfiguration), observer));
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

    /**
     * A bucket plus OFAuth's "not before" time, kept by this process. Calls of this process take turns on it; a
     * shared bucket's own row lock decides between replicas. A reserve is checked, then one token taken: two replicas
     * checking at once may each take a token of the reserve, which the reserve is large enough to absorb.
     */
    private static final class Budget {
        private final String connectionId;
        private final Bucket bucket;
        private final OfAuthObserver observer;
        private Instant blockedUntil = Instant.MIN;

        Budget(String connectionId, Bucket bucket, OfAuthObserver observer) {
            this.connectionId = connectionId;
            this.bucket = bucket;
            this.observer = observer;
        }

        /** Empty when a token was taken, else how long to wait before trying again. */
        synchronized Optional<Duration> tryTake(long reserve, Instant now) {
            if (now.isBefore(blockedUntil)) {
                return Optional.of(Duration.between(now, blockedUntil));
            }
            try {
                if (reserve > 0) {
                    EstimationProbe estimate = bucket.estimateAbilityToConsume(reserve + 1);
                    if (!estimate.canBeConsumed()) {
                        return Optional.of(atLeastMinimum(estimate.getNanosToWaitForRefill()));
                    }
                }
                ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
                observer.tokensLeft(connectionId, probe.getRemainingTokens());
                return probe.isConsumed()
                        ? Optional.empty()
                        : Optional.of(atLeastMinimum(probe.getNanosToWaitForRefill()));
            } catch (RuntimeException unavailable) {
                LOG.warn(
                        "The rate budget of {} could not be read ({}); waiting {} ms",
                        connectionId,
                        unavailable.getClass().getSimpleName(),
                        BUDGET_UNAVAILABLE_WAIT.toMillis());
                return Optional.of(BUDGET_UNAVAILABLE_WAIT);
            }
        }

        synchronized void lowerTo(long remaining) {
            try {
                long excess = bucket.getAvailableTokens() - remaining;
                if (excess > 0) {
                    bucket.tryConsumeAsMuchAsPossible(excess);
                    observer.tokensLeft(connectionId, remaining);
                }
            } catch (RuntimeException unavailable) {
                LOG.warn(
                        "The rate budget of {} could not be lowered to OFAuth's count ({})",
                        connectionId,
                        unavailable.getClass().getSimpleName());
            }
        }

        synchronized void block(Instant until) {
            if (until.isAfter(blockedUntil)) {
                blockedUntil = until;
            }
            try {
                bucket.tryConsumeAsMuchAsPossible();
                observer.tokensLeft(connectionId, 0);
            } catch (RuntimeException unavailable) {
                LOG.warn(
                        "The rate budget of {} could not be emptied after a 429 ({})",
                        connectionId,
                        unavailable.getClass().getSimpleName());
            }
        }

        private static Duration atLeastMinimum(long nanos) {
            Duration wait = Duration.ofNanos(nanos);
            return wait.compareTo(MIN_WAIT) < 0 ? MIN_WAIT : wait;
        }
    }
}
