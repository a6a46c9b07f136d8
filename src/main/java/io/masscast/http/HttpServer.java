package io.masscast.http;

import io.javalin.Javalin;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * masscast's HTTP endpoint: {@code GET /healthz} (the process runs), {@code GET /readyz} (it can do its
 * work: the database answers), and the routes adapters mount, such as {@code POST /slack/events}.
 */
public final class HttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);
    /** Slack and OFAuth payloads are small; anything larger is refused before it is read. */
    public static final long MAX_BODY_BYTES = 1024 * 1024;

    private final Javalin javalin;
    private final int port;

    public HttpServer(int port, BooleanSupplier ready) {
        this.port = port;
        this.javalin = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.http.maxRequestSize = MAX_BODY_BYTES;
        });
        javalin.get("/healthz", ctx -> ctx.result("ok"));
        javalin.get("/readyz", ctx -> {
            boolean isReady = ready.getAsBoolean();
            ctx.status(isReady ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).result(isReady ? "ready" : "not ready");
        });
    }

    /** Adds a POST route; call before {@link #start()}. */
    public void post(String path, Handler handler) {
        javalin.post(path, handler);
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
