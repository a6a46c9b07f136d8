package io.masscast.ofauth;

import static io.masscast.ofauth.WireFixture.API_KEY;
import static io.masscast.ofauth.WireFixture.CONNECTION;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthFailure.Forbidden;
import io.masscast.core.port.OfAuthFailure.InvalidRequest;
import io.masscast.core.port.OfAuthFailure.NotFound;
import io.masscast.core.port.OfAuthFailure.RateLimited;
import io.masscast.core.port.OfAuthFailure.ServerError;
import io.masscast.core.port.OfAuthFailure.Unauthenticated;
import java.time.Duration;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every documented error body, as JSON, text or nothing, under every status class, becomes one typed failure. */
class ErrorMappingTest {

    private static final String TYPE_FORM = """
            {"error": "User session has expired", "type": "SESSION_EXPIRED", "requestId": "req_01J1X8K2QF", "actionRequired": "refresh_session"}""";
    private static final String SDK_FORM = """
            {"message": "price must be between 3 and 200", "code": "VALIDATION_FAILED", "details": {"field": "price"}}""";
    private static final String CODE_FORM = """
            {"error": "Invalid API key", "code": "AUTH_INVALID_KEY", "details": "key revoked"}""";

    @RegisterExtension
    final WireFixture wire = new WireFixture(
            config -> config.withRetry(
                    new OfAuthClientConfig.Retry(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1))),
            new OkHttpClient());

    private OfAuthFailure failureFor(int status, String body) {
        wire.enqueue(new MockResponse.Builder().code(status).body(body).build());
        return catchThrowableOfType(
                OfAuthFailure.class, () -> wire.client.massMessage(CONNECTION, 1, CallPriority.INTERACTIVE));
    }

    static Stream<Arguments> statusClasses() {
        return Stream.of(
                Arguments.of(400, InvalidRequest.class, false),
                Arguments.of(401, Unauthenticated.class, false),
                Arguments.of(403, Forbidden.class, false),
                Arguments.of(404, NotFound.class, false),
                Arguments.of(409, InvalidRequest.class, false),
                Arguments.of(422, InvalidRequest.class, false),
                Arguments.of(429, RateLimited.class, false),
                Arguments.of(500, ServerError.class, true),
                Arguments.of(502, ServerError.class, true),
                Arguments.of(503, ServerError.class, true),
                Arguments.of(504, ServerError.class, true));
    }

    static Stream<Arguments> everyBodyUnderEveryStatus() {
        return statusClasses()
                .flatMap(status -> Stream.of(TYPE_FORM, SDK_FORM, CODE_FORM, "upstream said no", "")
                        .map(body -> Arguments.of(status.get()[0], body, status.get()[1], status.get()[2])));
    }

    @ParameterizedTest(name = "HTTP {0} with body [{1}]")
    @MethodSource("everyBodyUnderEveryStatus")
    void everyBodyFormUnderEveryStatusIsOneTypedFailure(
            int status, String body, Class<?> type, boolean mayHaveTakenEffect) {
        OfAuthFailure failure = failureFor(status, body);

        assertThat(failure).isInstanceOf(type);
        assertThat(failure.mayHaveTakenEffect()).isEqualTo(mayHaveTakenEffect);
        assertThat(failure.getMessage()).isNotBlank().doesNotContain(API_KEY);
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void sessionExpiredByTypeIsAnExpiredSessionWithOfAuthsRequestId() {
        Unauthenticated failure = (Unauthenticated) failureFor(401, TYPE_FORM);

        assertThat(failure.sessionExpired()).isTrue();
        assertThat(failure.requestId()).contains("req_01J1X8K2QF");
        assertThat(failure.getMessage()).contains("reconnect", "SESSION_EXPIRED", "User session has expired");
    }

    @Test
    void sessionNotProvidedByCodeOrARefreshHintIsAnExpiredSessionToo() {
        assertThat(((Unauthenticated)
                                failureFor(401, "{\"message\": \"no session\", \"code\": \"SESSION_NOT_PROVIDED\"}"))
                        .sessionExpired())
                .isTrue();
        assertThat(((Unauthenticated) failureFor(401, "{\"error\": \"gone\", \"actionRequired\": \"refresh_session\"}"))
                        .sessionExpired())
                .isTrue();
    }

    @Test
    void anyOther401IsABadApiKey() {
        Unauthenticated byCode = (Unauthenticated) failureFor(401, CODE_FORM);
        Unauthenticated byType =
                (Unauthenticated) failureFor(401, "{\"error\": \"Unauthorized\", \"type\": \"UNAUTHORIZED\"}");
        Unauthenticated bare = (Unauthenticated) failureFor(401, "");

        assertThat(byCode.sessionExpired()).isFalse();
        assertThat(byCode.getMessage()).contains("API key", "AUTH_INVALID_KEY", "Invalid API key");
        assertThat(byType.sessionExpired()).isFalse();
        assertThat(bare.sessionExpired()).isFalse();
    }

    @Test
    void invalidRequestCarriesOfAuthsReasonAndDetails() {
        InvalidRequest sdk = (InvalidRequest) failureFor(422, SDK_FORM);
        InvalidRequest typed = (InvalidRequest) failureFor(
                400,
                "{\"error\": \"Upload reference already used\", \"type\": \"BAD_REQUEST\", \"requestId\": \"req_9\"}");
        InvalidRequest text = (InvalidRequest) failureFor(400, "bad things");
        InvalidRequest empty = (InvalidRequest) failureFor(400, "");

        assertThat(sdk.reason()).isEqualTo("price must be between 3 and 200 ({\"field\":\"price\"})");
        assertThat(typed.reason()).isEqualTo("Upload reference already used");
        assertThat(typed.requestId()).contains("req_9");
        assertThat(text.reason()).isEqualTo("bad things");
        assertThat(empty.reason()).isEqualTo("HTTP 400 without a reason");
    }

    @Test
    void forbiddenAndNotFoundSayWhatHappened() {
        assertThat(failureFor(403, "{\"error\": \"Missing permission messages:write\", \"type\": \"FORBIDDEN\"}")
                        .getMessage())
                .contains("permission", "HTTP 403", "FORBIDDEN");
        assertThat(failureFor(404, "{\"error\": \"Mass message not found\", \"type\": \"RESOURCE_NOT_FOUND\"}")
                        .getMessage())
                .contains("not found", "RESOURCE_NOT_FOUND");
    }

    @Test
    void serverErrorsCarryTheirStatusAndAnHtmlBodyIsShortened() {
        ServerError failure = (ServerError) failureFor(502, "<html>" + "x".repeat(5000) + "</html>");

        assertThat(failure.status()).isEqualTo(502);
        assertThat(failure.getMessage()).hasSizeLessThan(500);
    }

    @Test
    void aRequestIdHeaderIsUsedWhenTheBodyHasNone() {
        wire.enqueue(new MockResponse.Builder()
                .code(500)
                .addHeader("x-request-id", "req_hdr")
                .body("oops")
                .build());

        OfAuthFailure failure = catchThrowableOfType(
                OfAuthFailure.class, () -> wire.client.massMessage(CONNECTION, 1, CallPriority.INTERACTIVE));

        assertThat(failure.requestId()).contains("req_hdr");
    }

    @Test
    void anApiKeyEchoedByOfAuthIsScrubbed() {
        InvalidRequest failure = (InvalidRequest) failureFor(400, "{\"message\": \"bad key " + API_KEY + "\"}");

        assertThat(failure.getMessage()).doesNotContain(API_KEY).contains("bad key ****");
    }

    @Test
    void anUnexpectedRedirectIsNotFollowed() {
        wire.enqueue(new MockResponse.Builder()
                .code(307)
                .addHeader("Location", "https://elsewhere.example/steal")
                .build());

        OfAuthFailure failure = catchThrowableOfType(
                OfAuthFailure.class, () -> wire.client.massMessage(CONNECTION, 1, CallPriority.INTERACTIVE));

        assertThat(failure).isInstanceOf(ServerError.class);
        assertThat(failure.getMessage()).contains("307", "elsewhere.example");
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }
}
