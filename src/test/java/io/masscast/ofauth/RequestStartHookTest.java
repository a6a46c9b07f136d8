package io.masscast.ofauth;

import static io.masscast.ofauth.WireFixture.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.masscast.core.model.Audience;
import io.masscast.core.model.MassMessage;
import io.masscast.core.model.MessageContent;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure.NetworkError;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;

/**
 * The moment a create or replace "leaves" is the moment its hook runs: after the rate limiter granted the
 * call and the connection is open, before OFAuth receives anything. A hook that fails stops the request.
 */
class RequestStartHookTest {
    private static final String RECEIPT = "{\"id\": 3409917724, \"date\": \"2025-07-01T09:12:44+00:00\"}";
    private static final MassMessage MESSAGE =
            new MassMessage(MessageContent.text("Hook test"), Audience.ofLists("fans"), Optional.empty());

    /** A bucket of one token that refills in a minute; SEND calls may wait for it. */
    private static OfAuthClientConfig oneTokenBucket(OfAuthClientConfig config) {
        return config.withRateLimit(new OfAuthClientConfig.RateLimit(
                1,
                1,
                Duration.ofMinutes(1),
                0,
                0,
                Duration.ofMinutes(2),
                Duration.ZERO,
                Duration.ZERO,
                Duration.ofSeconds(2)));
    }

    @Test
    void theHookOfACreateRunsOnceBeforeOfAuthReceivesTheRequest() throws Exception {
        try (WireFixture wire = new WireFixture()) {
            wire.enqueue(200, RECEIPT);
            List<Integer> requestsSeenByHook = new CopyOnWriteArrayList<>();

            wire.client.createMassMessage(
                    CONNECTION, MESSAGE, () -> requestsSeenByHook.add(wire.server.getRequestCount()));

            assertThat(requestsSeenByHook).containsExactly(0);
            wire.takeAccess("POST", "/v2/access/mass-messages");
        }
    }

    @Test
    void theHookRunsOnlyAfterTheRateLimiterGrantedTheRequest() {
        try (WireFixture wire = new WireFixture(RequestStartHookTest::oneTokenBucket, new OkHttpClient())) {
            wire.enqueue(200, "{\"id\": 1, \"text\": \"hi\"}");
            wire.enqueue(200, RECEIPT);
            wire.client.massMessage(CONNECTION, 1, CallPriority.SEND); // spends the only token
            List<Duration> sleptBeforeHook = new CopyOnWriteArrayList<>();

            wire.client.createMassMessage(CONNECTION, MESSAGE, () -> sleptBeforeHook.add(wire.sleeper.total()));

            assertThat(wire.sleeper.total()).isPositive();
            assertThat(sleptBeforeHook).containsExactly(wire.sleeper.total());
        }
    }

    @Test
    void aHookThatThrowsStopsTheRequestAndItsExceptionReachesTheCaller() throws Exception {
        try (WireFixture wire = new WireFixture()) {
            IllegalStateException notRecorded = new IllegalStateException("the database is gone");
            wire.enqueue(200, RECEIPT);

            assertThatThrownBy(() -> wire.client.createMassMessage(CONNECTION, MESSAGE, () -> {
                        throw notRecorded;
                    }))
                    .isSameAs(notRecorded);
            assertThat(wire.server.getRequestCount()).isZero();

            assertThat(wire.client
                            .createMassMessage(CONNECTION, MESSAGE, () -> {})
                            .id())
                    .isEqualTo(3409917724L);
            assertThat(wire.server.getRequestCount()).isEqualTo(1);
        }
    }

    @Test
    void aCreateThatCannotConnectNeverRunsItsHook() {
        try (WireFixture wire = new WireFixture(
                config ->
                        config.withRetry(new OfAuthClientConfig.Retry(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)),
                FailingNetwork.refusingConnects(1))) {
            List<String> hooks = new CopyOnWriteArrayList<>();

            NetworkError failure = catchThrowableOfType(
                    NetworkError.class,
                    () -> wire.client.createMassMessage(CONNECTION, MESSAGE, () -> hooks.add("ran")));

            assertThat(failure.mayHaveReachedOfAuth()).isFalse();
            assertThat(hooks).isEmpty();
        }
    }

    @Test
    void aReplaceRunsItsHookForEachAttemptThatGoesOut() throws Exception {
        try (WireFixture wire = new WireFixture()) {
            wire.enqueue(503, "{\"error\": \"unavailable\", \"type\": \"SERVER_ERROR\"}");
            wire.enqueue(200, RECEIPT);
            List<Integer> requestsSeenByHook = new CopyOnWriteArrayList<>();

            wire.client.replaceMassMessage(
                    CONNECTION, 3409917724L, MESSAGE, () -> requestsSeenByHook.add(wire.server.getRequestCount()));

            assertThat(requestsSeenByHook).containsExactly(0, 1);
        }
    }
}
