package io.masscast.ofauth;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import io.masscast.testing.MutableClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A MockWebServer on loopback and an {@link OfAuthClient} pointed at it, with a fake clock and a sleeper
 * that only moves that clock, so retries and rate-limit waits cost no real time. Register it with
 * {@code @RegisterExtension} and it closes itself after each test.
 */
final class WireFixture implements AutoCloseable, AfterEachCallback {

    static final String API_KEY = "sk_sandbox_wire_test_SECRET_4242";
    static final String CONNECTION = "conn_abc123";

    final MockWebServer server = new MockWebServer();
    final MutableClock clock = new MutableClock(Instant.parse("2025-07-01T09:00:00Z"));
    final RecordingSleeper sleeper = new RecordingSleeper(clock);
    final OfAuthClient client;

    WireFixture() {
        this(UnaryOperator.identity(), new OkHttpClient());
    }

    WireFixture(UnaryOperator<OfAuthClientConfig> customize, OkHttpClient base) {
        try {
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        client = OfAuthClient.create(customize.apply(config(server.url("/").toString())), clock, sleeper, base);
    }

    /** Small retry bounds; time is fake anyway. */
    static OfAuthClientConfig config(String baseUrl) {
        return OfAuthClientConfig.defaults(API_KEY)
                .withBaseUrl(baseUrl)
                .withTimeouts(new OfAuthClientConfig.Timeouts(
                        Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .withRetry(new OfAuthClientConfig.Retry(
                        3, Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }

    void enqueue(int code, String json) {
        server.enqueue(new MockResponse.Builder()
                .code(code)
                .addHeader("Content-Type", "application/json")
                .body(json)
                .build());
    }

    void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
        assertThat(request).as("a request reached the server").isNotNull();
        return request;
    }

    /** The recorded request as an Access call: apiKey and x-connection-id present. */
    RecordedRequest takeAccess(String method, String path) throws InterruptedException {
        RecordedRequest request = take();
        assertThat(request.getMethod()).isEqualTo(method);
        assertThat(request.getUrl().encodedPath()).isEqualTo(path);
        assertThat(request.getHeaders().get("apiKey")).isEqualTo(API_KEY);
        assertThat(request.getHeaders().get("x-connection-id")).isEqualTo(CONNECTION);
        return request;
    }

    static Object parse(String json) {
        try {
            return new Moshi.Builder().build().adapter(Object.class).fromJson(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + json, e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> parseObject(String json) {
        return (Map<String, Object>) parse(json);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    @Override
    public void close() {
        client.close();
        server.close();
    }
}
