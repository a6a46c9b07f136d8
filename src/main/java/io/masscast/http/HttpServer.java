package io.masscast.http;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.masscast.core.health.Readiness;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * masscast's HTTP endpoint: {@code GET /healthz} (the process runs), {@code GET /readyz} (it can do its work), and
 * the routes the run mode mounts, such as {@code POST /slack/events} and {@code GET /metrics}.
 *
 * <p>{@code /readyz} answers 200 when every part is ready and 503 otherwise, in plain text: a first line {@code ready}
 * or {@code not ready: PART, PART}, then one line per part, {@code PART: ready (detail)} or
 * {@code PART: NOT READY (detail)}.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** Slack and OFAuth payloads are small; anything larger is refused before it is read. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private final Javalin javalin;
    private final int port;

    /** {@code readiness}: each part's state now; asked at every {@code /readyz}, so it must be quick. */
    public HttpServer(int port, Supplier<List<Readiness>> readiness) {
        this.port = port;
        this.javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
        });
        javalin.get("/healthz", ctx -> ctx.result("ok"));
        javalin.get("/readyz", ctx -> {
            List<Readiness> parts = readiness.get();
            List<String> notReady = parts.stream()
                    .filter(part -> !part.ready())
                    .map(Readiness::component)
                    .toList();
            ctx.status(notReady.isEmpty() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE)
                    .contentType("text/plain; charset=utf-8")
                    .result(body(notReady, parts));
        });
    }

    private static String body(List<String> notReady, List<Readiness> parts) {
        String summary = notReady.isEmpty() ? "ready" : "not ready: " + String.join(", ", notReady);
        return parts.stream()
                .map(part -> part.component() + ": " + (part.ready() ? "ready" : "NOT READY")
                        + (part.detail().isEmpty() ? "" : " (" + part.detail() + ")"))
                .collect(Collectors.joining("\n", summary + "\n", "\n"));
    }

    /** Adds a POST route; call before {@link #start()}. */
    public void post(String path, Handler handler) {
        javalin.post(path, handler);
    }

    /** Adds a GET route; call before {@link #start()}. */
    public void get(String path, Handler handler) {
        javalin.get(path, handler);
    }

    public void start() {
        javalin.start("0.0.0.0", port);
        LOG.info("HTTP server listening on port {}", javalin.port());
    }

    /** The port actually bound (useful when started on port 0). */
    public int port() {
        return javalin.port();
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
