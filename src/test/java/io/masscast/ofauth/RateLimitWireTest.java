package io.masscast.ofauth;

import static io.masscast.ofauth.WireFixture.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.masscast.core.model.Audience;
import io.masscast.core.model.MassMessage;
import io.masscast.core.model.MessageContent;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure.RateLimited;
import java.time.Duration;
import java.util.Optional;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The client's limiter as callers meet it: what leaves, what waits, what OFAuth's answers change. */
class RateLimitWireTest {

    @RegisterExtension
    final WireFixture wire = new WireFixture(
            config -> config.withRateLimit(new OfAuthClientConfig.RateLimit(
                            3,
                            60,
                            Duration.ofMinutes(1),
                            2,
                            1,
                            Duration.ZERO,
                            Duration.ZERO,
                            Duration.ZERO,
                            Duration.ofSeconds(2)))
                    .withRetry(new OfAuthClientConfig.Retry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)),
            new OkHttpClient());

    private void enqueueOk(int times) {
        for (int i = 0; i < times; i++) {
            wire.enqueue(200, "{\"id\": 1, \"text\": \"hi\"}");
        }
    }

    @Test
    void aCreateThatFindsNoTokenNeverLeaves() {
        enqueueOk(3);
        for (int i = 0; i < 3; i++) {
            wire.client.massMessage(CONNECTION, 1, CallPriority.SEND);
        }

        RateLimited failure = catchThrowableOfType(
                RateLimited.class,
                () -> wire.client.createMassMessage(
                        CONNECTION,
                        new MassMessage(MessageContent.text("x"), Audience.ofLists("1"), Optional.empty()),
                        () -> {}));

        assertThat(failure.mayHaveTakenEffect()).isFalse();
        assertThat(wire.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void pollingLeavesTheReserveToInteractiveAndSendCalls() {
        enqueueOk(3);

        wire.client.massMessage(CONNECTION, 1, CallPriority.BACKGROUND);
        assertThatExceptionOfType(RateLimited.class)
                .isThrownBy(() -> wire.client.massMessage(CONNECTION, 1, CallPriority.BACKGROUND));
        wire.client.massMessage(CONNECTION, 1, CallPriority.INTERACTIVE);
        wire.client.massMessage(CONNECTION, 1, CallPriority.SEND);

        assertThat(wire.server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void accountCallsAreNotRateLimited() {
        for (int i = 0; i < 6; i++) {
            wire.enqueue(200, "{\"id\": \"org_1\"}");
            wire.client.whoami();
        }

        assertThat(wire.server.getRequestCount()).isEqualTo(6);
    }

    @Test
    void a429MakesTheNextCallWaitInsteadOfHammering() {
        wire.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "4")
                .build());
        enqueueOk(1);
        assertThatExceptionOfType(RateLimited.class)
                .isThrownBy(() -> wire.client.massMessage(CONNECTION, 1, CallPriority.SEND));

        RateLimited refused = catchThrowableOfType(
                RateLimited.class, () -> wire.client.massMessage(CONNECTION, 1, CallPriority.SEND));

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(4));
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
        wire.clock.advance(Duration.ofSeconds(5));
        wire.client.massMessage(CONNECTION, 1, CallPriority.SEND);
        assertThat(wire.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aRemainingCountOfZeroMakesTheNextCallWaitForTheRefill() {
        wire.enqueue(new MockResponse.Builder()
                .code(200)
                .addHeader("X-RateLimit-Remaining", "0")
                .body("{\"id\": 1, \"text\": \"hi\"}")
                .build());
        wire.client.massMessage(CONNECTION, 1, CallPriority.SEND);

        RateLimited refused = catchThrowableOfType(
                RateLimited.class, () -> wire.client.massMessage(CONNECTION, 1, CallPriority.SEND));

        assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }
}
