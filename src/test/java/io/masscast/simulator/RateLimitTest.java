package io.masscast.simulator;

import static io.masscast.simulator.SimulatorClient.DEMO;
import static io.masscast.simulator.SimulatorClient.DEMO2;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class RateLimitTest {
    private static final String CHEAP_CALL = "/v2/access/self";

    @AutoClose
    private OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private SimulatorClient client = new SimulatorClient(simulator);

    @Test
    void aBurstBeyondNinetyIsRefusedWith429AndRateLimitHeaders() {
        long started = System.nanoTime();
        Burst burst = burstUntilRefused(DEMO, 200);
        long elapsedSeconds = Duration.ofNanos(System.nanoTime() - started).toSeconds();

        // the bucket also refills in real time (1 token a second) while the burst runs
        assertThat(burst.accepted()).isBetween(90, 91 + (int) elapsedSeconds);
        SimResponse refused = burst.refusal();
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.string("type")).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(refused.headerNumber("X-RateLimit-Limit")).isEqualTo(90);
        assertThat(refused.headerNumber("X-RateLimit-Remaining")).isZero();
        assertThat(refused.headerNumber("X-RateLimit-Reset")).isBetween(85L, 90L);
        assertThat(refused.headerNumber("Retry-After")).isEqualTo(1);
    }

    @Test
    void everyAccessAnswerCarriesTheRemainingTokens() {
        SimResponse first = client.get(DEMO, CHEAP_CALL);
        SimResponse error = client.get(DEMO, "/v2/access/users/lists/no-such-list");

        assertThat(first.headerNumber("X-RateLimit-Limit")).isEqualTo(90);
        assertThat(first.headerNumber("X-RateLimit-Remaining")).isEqualTo(89);
        assertThat(first.headerNumber("X-RateLimit-Reset")).isBetween(1L, 2L);
        assertThat(error.status()).isEqualTo(404);
        assertThat(error.headerNumber("X-RateLimit-Remaining")).isBetween(88L, 89L);
    }

    @Test
    void theBucketRefillsAtSixtyAMinuteOfSimulatorTime() {
        burstUntilRefused(DEMO, 200);

        simulator.clock().advance(Duration.ofSeconds(30));
        SimResponse afterHalfAMinute = client.get(DEMO, CHEAP_CALL);
        assertThat(afterHalfAMinute.status()).isEqualTo(200);
        assertThat(afterHalfAMinute.headerNumber("X-RateLimit-Remaining")).isBetween(29L, 31L);

        simulator.clock().advance(Duration.ofMinutes(5));
        assertThat(client.get(DEMO, CHEAP_CALL).headerNumber("X-RateLimit-Remaining"))
                .isEqualTo(89);
    }

    @Test
    void eachConnectionHasItsOwnBucket() {
        burstUntilRefused(DEMO, 200);

        SimResponse other = client.get(DEMO2, CHEAP_CALL);

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.headerNumber("X-RateLimit-Remaining")).isEqualTo(89);
    }

    @Test
    void accountRoutesAreNotLimited() {
        burstUntilRefused(DEMO, 200);

        SimResponse whoami = client.get(DEMO, "/v2/account/whoami");

        assertThat(whoami.status()).isEqualTo(200);
        assertThat(whoami.header("X-RateLimit-Limit")).isEmpty();
    }

    @Test
    void retryAfterCanBeSwitchedOff() {
        restartWith(SimulatorConfig.defaults().withSendRetryAfter(false));

        SimResponse refused = burstUntilRefused(DEMO, 200).refusal();

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isEmpty();
        assertThat(refused.header("X-RateLimit-Reset")).isPresent();
    }

    @Test
    void theUnlimitedPlanNeverRefusesAndSendsNoRateLimitHeaders() {
        restartWith(SimulatorConfig.defaults().withRateLimit(RateLimitPlan.unlimited()));

        Burst burst = burstUntilRefused(DEMO, 120);

        assertThat(burst.accepted()).isEqualTo(120);
        assertThat(client.get(DEMO, CHEAP_CALL).header("X-RateLimit-Remaining")).isEmpty();
    }

    @Test
    void aSmallerPlanIsHonoured() {
        restartWith(SimulatorConfig.defaults().withRateLimit(new RateLimitPlan.TokenBucket(5, 1)));

        Burst burst = burstUntilRefused(DEMO, 20);

        assertThat(burst.accepted()).isEqualTo(5);
        assertThat(burst.refusal().headerNumber("Retry-After")).isBetween(59L, 60L);
    }

    private void restartWith(SimulatorConfig config) {
        simulator.close();
        simulator = OfAuthSimulator.start(config);
        client = new SimulatorClient(simulator);
    }

    private Burst burstUntilRefused(String connectionId, int maxCalls) {
        for (int accepted = 0; accepted < maxCalls; accepted++) {
            SimResponse response = client.get(connectionId, CHEAP_CALL);
            if (response.status() == 429) {
                return new Burst(accepted, response);
            }
            assertThat(response.status()).isEqualTo(200);
        }
        return new Burst(maxCalls, null);
    }

    private record Burst(int accepted, SimResponse refusal) {}
}
