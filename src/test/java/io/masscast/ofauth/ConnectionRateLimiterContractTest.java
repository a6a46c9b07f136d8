package io.masscast.ofauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure.RateLimited;
import io.masscast.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * How the client spends a connection's rate limit, on each kind of {@link RateBudget}: subclasses say where the
 * buckets live (this process, or a database shared by replicas).
 */
abstract class ConnectionRateLimiterContractTest {

    static final String CONN = "conn_a";

    final MutableClock clock = new MutableClock(Instant.parse("2025-07-01T09:00:00Z"));
    final RecordingSleeper sleeper = new RecordingSleeper(clock);

    /** A budget on {@code clock}; each call gives a new, full one. */
    abstract RateBudget budget(MutableClock clock);

    /** OFAuth's default bucket and reserves; no priority may wait unless a test says so. */
    ConnectionRateLimiter limiter(Duration maxWait) {
        return limiter(maxWait, budget(clock));
    }

    ConnectionRateLimiter limiter(Duration maxWait, RateBudget budget) {
        return new ConnectionRateLimiter(
                new OfAuthClientConfig.RateLimit(
                        90, 60, Duration.ofMinutes(1), 30, 5, maxWait, maxWait, maxWait, Duration.ofSeconds(2)),
                budget,
                clock,
                sleeper,
                OfAuthObserver.NONE);
    }

    static void take(ConnectionRateLimiter limiter, CallPriority priority, int times) {
        for (int i = 0; i < times; i++) {
            limiter.acquire(CONN, priority);
        }
    }

    @Test
    void aFullBucketGrantsTheWholeBurstToSends() {
        ConnectionRateLimiter limiter = limiter(Duration.ZERO);

        take(limiter, CallPriority.SEND, 90);

        assertThat(limiter.availableTokens(CONN)).isZero();
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void backgroundCallsStopAtTheirReserveSoASendNeverWaitsBehindPolling() {
        ConnectionRateLimiter limiter = limiter(Duration.ZERO);

        take(limiter, CallPriority.BACKGROUND, 60);
        RateLimited refused =
                catchThrowableOfType(RateLimited.class, () -> limiter.acquire(CONN, CallPriority.BACKGROUND));
        take(limiter, CallPriority.INTERACTIVE, 25);
        assertThatExceptionOfType(RateLimited.class).isThrownBy(() -> limiter.acquire(CONN, CallPriority.INTERACTIVE));
        take(limiter, CallPriority.SEND, 5);

        assertThat(refused.mayHaveTakenEffect()).isFalse();
        assertThat(refused.getMessage()).contains("background", "nothing was sent");
        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(sleeper.sleeps()).isEmpty();
    }

    @Test
    void aWaitingCallSleepsUntilTheRefillAndThenProceeds() {
        ConnectionRateLimiter limiter = limiter(Duration.ofSeconds(10));
        take(limiter, CallPriority.BACKGROUND, 60);

        limiter.acquire(CONN, CallPriority.BACKGROUND);

        assertThat(sleeper.total()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void waitingIsBoundedPerPriority() {
        ConnectionRateLimiter limiter = limiter(Duration.ofSeconds(5));
        take(limiter, CallPriority.SEND, 90);

        RateLimited background =
                catchThrowableOfType(RateLimited.class, () -> limiter.acquire(CONN, CallPriority.BACKGROUND));
        limiter.acquire(CONN, CallPriority.SEND);

        assertThat(background.retryAfter()).isEqualTo(Duration.ofSeconds(31));
        assertThat(sleeper.total()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void a429EmptiesTheBucketAndHoldsEveryoneUntilOfAuthsRetryTime() {
        ConnectionRateLimiter limiter = limiter(Duration.ofMinutes(1));

        limiter.backOff(CONN, Duration.ofSeconds(7));
        limiter.acquire(CONN, CallPriority.SEND);

        assertThat(sleeper.total()).isEqualTo(Duration.ofSeconds(7));
        assertThat(limiter.availableTokens(CONN))
                .as("7 s of refill at 60/min, less the token taken")
                .isEqualTo(6);
    }

    @Test
    void ofAuthsRemainingCountLowersTheBucketButNeverRaisesIt() {
        ConnectionRateLimiter limiter = limiter(Duration.ZERO);

        limiter.observeRemaining(CONN, OptionalLong.of(40));
        assertThat(limiter.availableTokens(CONN)).isEqualTo(40);

        limiter.observeRemaining(CONN, OptionalLong.of(80));
        limiter.observeRemaining(CONN, OptionalLong.empty());
        assertThat(limiter.availableTokens(CONN)).isEqualTo(40);
    }

    @Test
    void eachConnectionHasItsOwnBucket() {
        ConnectionRateLimiter limiter = limiter(Duration.ZERO);

        take(limiter, CallPriority.SEND, 90);
        limiter.acquire("conn_b", CallPriority.BACKGROUND);

        assertThat(limiter.availableTokens("conn_b")).isEqualTo(89);
    }
}
