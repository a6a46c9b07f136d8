package io.masscast.ofauth;

import static io.masscast.ofauth.WireFixture.API_KEY;
import static io.masscast.ofauth.WireFixture.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.masscast.core.model.Audience;
import io.masscast.core.model.MassMessage;
import io.masscast.core.model.MessageContent;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthFailure.NetworkError;
import io.masscast.core.port.OfAuthFailure.RateLimited;
import io.masscast.core.port.OfAuthFailure.ServerError;
import io.masscast.core.port.OfAuthFailure.Unauthenticated;
import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Which failures are retried, how often and how long, and that a create is never sent twice. */
class RetryTest {

    private static final MassMessage MESSAGE =
            new MassMessage(MessageContent.text("Hello"), Audience.ofLists("1187345"), Optional.empty());
    private static final String RECEIPT = "{\"id\": 77, \"date\": \"2025-07-01T09:12:44+00:00\"}";

    private WireFixture wire;

    @AfterEach
    void stop() {
        wire.close();
    }

    private void start(OkHttpClient base) {
        start(UnaryOperator.identity(), base);
    }

    /** Each test picks its own network, so the fixture is made here rather than registered. */
    private void start(UnaryOperator<OfAuthClientConfig> customize, OkHttpClient base) {
        wire = new WireFixture(customize, base);
    }

    private void enqueueStatus(int code) {
        wire.enqueue(new MockResponse.Builder()
                .code(code)
                .body("{\"error\": \"try later\"}")
                .build());
    }

    @Test
    void aReadIsRetriedAfterA503AndSucceeds() {
        start(new OkHttpClient());
        enqueueStatus(503);
        wire.enqueue(200, "{\"id\": 1, \"text\": \"hi\"}");

        assertThat(wire.client
                        .massMessage(CONNECTION, 1, CallPriority.INTERACTIVE)
                        .text())
                .isEqualTo("hi");
        assertThat(wire.server.getRequestCount()).isEqualTo(2);
        assertThat(wire.sleeper.sleeps()).hasSize(1);
        assertThat(wire.sleeper.sleeps().get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    }

    @Test
    void aBackgroundReadIsNotRetried() {
        start(new OkHttpClient());
        enqueueStatus(503);
        wire.enqueue(200, "{\"id\": 1, \"text\": \"hi\"}");

        assertThatExceptionOfType(ServerError.class)
                .isThrownBy(() -> wire.client.massMessage(CONNECTION, 1, CallPriority.BACKGROUND));

        assertThat(wire.server.getRequestCount())
                .as("the poller backs off on its own schedule")
                .isEqualTo(1);
        assertThat(wire.sleeper.sleeps()).isEmpty();
    }

    @Test
    void aReadGivesUpAfterMaxAttemptsWithTheLastFailure() {
        start(new OkHttpClient());
        enqueueStatus(500);
        enqueueStatus(502);
        enqueueStatus(503);

        ServerError failure = catchThrowableOfType(
                ServerError.class, () -> wire.client.massMessage(CONNECTION, 1, CallPriority.INTERACTIVE));

        assertThat(failure.status()).isEqualTo(503);
        assertThat(wire.server.getRequestCount()).isEqualTo(3);
        assertThat(wire.sleeper.sleeps()).hasSize(2);
        assertThat(wire.sleeper.sleeps().get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    void retriesStopWhenTheTotalTimeWouldBeExceeded() {
        // each pause is 2–4 s (jittered over the upper half of 4 s): one fits in 4 s, two never do
        start(
                config -> config.withRetry(new OfAuthClientConfig.Retry(
                        10, Duration.ofSeconds(4), Duration.ofSeconds(4), Duration.ofSeconds(4))),
                new OkHttpClient());
        enqueueStatus(503);
        enqueueStatus(503);
        enqueueStatus(503);

        assertThatExceptionOfType(ServerError.class)
                .isThrownBy(() -> wire.client.massMessage(CONNECTION, 1, CallPriority.INTERACTIVE));

        assertThat(wire.server.getRequestCount()).isEqualTo(2);
        assertThat(wire.sleeper.total()).isLessThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void putAndDeleteAreRetriedLikeReads() {
        start(new OkHttpClient());
        enqueueStatus(502);
        wire.enqueue(200, RECEIPT);
        enqueueStatus(503);
        wire.enqueue(200, "{\"success\": true}");

        wire.client.replaceMassMessage(CONNECTION, 77, MESSAGE, () -> {});
        wire.client.deleteMassMessage(CONNECTION, 77);

        assertThat(wire.server.getRequestCount()).isEqualTo(4);
    }

    @Test
    void aCreateAnswered503IsNotRetriedAndItsOutcomeIsUnknown() {
        start(new OkHttpClient());
        enqueueStatus(503);
        wire.enqueue(200, RECEIPT);

        ServerError failure = catchThrowableOfType(
                ServerError.class, () -> wire.client.createMassMessage(CONNECTION, MESSAGE, () -> {}));

        assertThat(wire.server.getRequestCount()).isEqualTo(1);
        assertThat(failure.mayHaveTakenEffect()).isTrue();
        assertThat(failure.getMessage()).contains("outcome unknown");
        assertThat(wire.sleeper.sleeps()).isEmpty();
    }

    @Test
    void aCreateWhoseConnectionWasRefusedIsRetriedAndSentOnce() {
        start(FailingNetwork.refusingConnects(2));
        wire.enqueue(200, RECEIPT);

        assertThat(wire.client.createMassMessage(CONNECTION, MESSAGE, () -> {}).id())
                .isEqualTo(77);
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
        assertThat(wire.sleeper.sleeps()).hasSize(2);
    }

    @Test
    void aCreateThatNeverReachedOfAuthIsADefiniteFailure() {
        start(FailingNetwork.refusingConnects(10));

        NetworkError failure = catchThrowableOfType(
                NetworkError.class, () -> wire.client.createMassMessage(CONNECTION, MESSAGE, () -> {}));

        assertThat(failure.mayHaveReachedOfAuth()).isFalse();
        assertThat(failure.mayHaveTakenEffect()).isFalse();
        assertThat(failure.getMessage())
                .contains("request may have reached OFAuth: no")
                .doesNotContain(API_KEY);
        assertThat(wire.server.getRequestCount()).isZero();
        assertThat(wire.sleeper.sleeps()).hasSize(2);
    }

    @Test
    void aCreateWhoseHostDidNotResolveIsRetried() {
        start(
                config -> config.withBaseUrl(HttpUrl.get(config.baseUrl())
                        .newBuilder()
                        .host("ofauth.test")
                        .build()
                        .toString()),
                FailingNetwork.failingLookups(1));
        wire.enqueue(200, RECEIPT);

        assertThat(wire.client.createMassMessage(CONNECTION, MESSAGE, () -> {}).id())
                .isEqualTo(77);
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void anUnresolvableHostNeverReachedOfAuth() {
        start(FailingNetwork.failingLookups(10));

        NetworkError failure = catchThrowableOfType(NetworkError.class, () -> wire.client.whoami());

        assertThat(failure.mayHaveReachedOfAuth()).isFalse();
        assertThat(failure.getMessage()).contains("UnknownHostException");
    }

    @Test
    void aCreateThatTimedOutAfterSendingIsNotRetriedAndItsOutcomeIsUnknown() {
        start(
                config -> config.withTimeouts(new OfAuthClientConfig.Timeouts(
                        Duration.ofSeconds(2), Duration.ofMillis(250), Duration.ofSeconds(2))),
                new OkHttpClient());
        wire.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.Stall.INSTANCE)
                .build());
        wire.enqueue(200, RECEIPT);

        NetworkError failure = catchThrowableOfType(
                NetworkError.class, () -> wire.client.createMassMessage(CONNECTION, MESSAGE, () -> {}));

        assertThat(failure.mayHaveReachedOfAuth()).isTrue();
        assertThat(failure.mayHaveTakenEffect()).isTrue();
        assertThat(failure.getMessage()).contains("outcome unknown", "request may have reached OFAuth: yes");
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aCreateWhoseConnectionDroppedBeforeTheAnswerIsNotRetried() {
        start(new OkHttpClient());
        wire.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        wire.enqueue(200, RECEIPT);

        NetworkError failure = catchThrowableOfType(
                NetworkError.class, () -> wire.client.createMassMessage(CONNECTION, MESSAGE, () -> {}));

        assertThat(failure.mayHaveReachedOfAuth()).isTrue();
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aReadWhoseConnectionDroppedIsRetried() {
        start(new OkHttpClient());
        wire.enqueue(new MockResponse.Builder()
                .onResponseStart(SocketEffect.ShutdownConnection.INSTANCE)
                .build());
        wire.enqueue(200, "{\"id\": \"org_1\"}");

        assertThat(wire.client.whoami().id()).isEqualTo("org_1");
        assertThat(wire.server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void a429CarriesRetryAfterAndTheReadIsRetriedNoSoonerThanThat() {
        start(new OkHttpClient());
        wire.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "7")
                .body("{\"error\": \"Too many requests\", \"type\": \"RATE_LIMIT_EXCEEDED\"}")
                .build());
        wire.enqueue(200, "{\"id\": 1, \"text\": \"hi\"}");

        wire.client.massMessage(CONNECTION, 1, CallPriority.INTERACTIVE);

        assertThat(wire.server.getRequestCount()).isEqualTo(2);
        assertThat(wire.sleeper.total()).isGreaterThanOrEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void aCreateAnswered429IsRateLimitedWithOfAuthsRetryTimeAndIsNotRepeated() {
        start(new OkHttpClient());
        wire.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "7")
                .build());

        RateLimited failure = catchThrowableOfType(
                RateLimited.class, () -> wire.client.createMassMessage(CONNECTION, MESSAGE, () -> {}));

        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(failure.mayHaveTakenEffect()).isFalse();
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aRetryAfterBeyondTheRetryBudgetIsHandedToTheCaller() {
        start(new OkHttpClient());
        wire.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("Retry-After", "120")
                .build());

        RateLimited failure = catchThrowableOfType(
                RateLimited.class, () -> wire.client.massMessage(CONNECTION, 1, CallPriority.INTERACTIVE));

        assertThat(failure.retryAfter()).isEqualTo(Duration.ofMinutes(2));
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void without429HeadersTheResetHeaderOrTheDefaultTellsWhenToComeBack() {
        start(
                config ->
                        config.withRetry(new OfAuthClientConfig.Retry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)),
                new OkHttpClient());
        wire.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("X-RateLimit-Reset", "12")
                .build());
        long resetEpoch = wire.clock.instant().plusSeconds(30).getEpochSecond();
        wire.enqueue(new MockResponse.Builder()
                .code(429)
                .addHeader("X-RateLimit-Reset", Long.toString(resetEpoch))
                .build());
        wire.enqueue(new MockResponse.Builder().code(429).build());

        assertThat(rateLimitedWhoami().retryAfter()).isEqualTo(Duration.ofSeconds(12));
        assertThat(rateLimitedWhoami().retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(rateLimitedWhoami().retryAfter())
                .isEqualTo(OfAuthClientConfig.RateLimit.defaults().defaultRetryAfter());
    }

    private RateLimited rateLimitedWhoami() {
        return catchThrowableOfType(RateLimited.class, () -> wire.client.whoami());
    }

    @Test
    void rulesOutdatedIsRetriedForReadsButNotForACreate() {
        start(new OkHttpClient());
        String outdated = "{\"error\": \"Rules are being updated\", \"type\": \"RULES_OUTDATED\"}";
        wire.enqueue(new MockResponse.Builder().code(401).body(outdated).build());
        wire.enqueue(200, "{\"id\": 1, \"text\": \"hi\"}");
        wire.enqueue(new MockResponse.Builder().code(401).body(outdated).build());

        wire.client.massMessage(CONNECTION, 1, CallPriority.INTERACTIVE);
        Unauthenticated failure = catchThrowableOfType(
                Unauthenticated.class, () -> wire.client.createMassMessage(CONNECTION, MESSAGE, () -> {}));

        assertThat(wire.server.getRequestCount()).isEqualTo(3);
        assertThat(failure.sessionExpired()).isFalse();
        assertThat(failure.mayHaveTakenEffect()).isFalse();
    }

    @Test
    void definiteRefusalsAreNotRetried() {
        start(new OkHttpClient());
        for (int status : new int[] {400, 401, 403, 404}) {
            enqueueStatus(status);
            assertThatExceptionOfType(OfAuthFailure.class)
                    .isThrownBy(() -> wire.client.massMessage(CONNECTION, 1, CallPriority.INTERACTIVE));
        }

        assertThat(wire.server.getRequestCount()).isEqualTo(4);
        assertThat(wire.sleeper.sleeps()).isEmpty();
    }
}
