package io.masscast.adapter.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestHeaders;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.util.QueryStringParser;
import com.slack.api.bolt.util.SlackRequestParser;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /slack/events} in HTTP mode: commands, button clicks, modal submissions and menu searches. The raw
 * body is read as UTF-8 bytes (the signature covers it exactly), parsed by Bolt and run through the app, whose
 * middleware refuses a missing, wrong or stale signature with 401 before any listener runs. Bodies over
 * {@link #MAX_BODY_BYTES} get 413, other content types than Slack's form 415 and unreadable ones 400, without
 * reaching the app.
 */
final class SlackEventsHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(SlackEventsHandler.class);

    /** Far above anything Slack sends (a modal submission is a few kB). */
    static final int MAX_BODY_BYTES = 1 << 20;

    private final App app;
    private final SlackRequestParser parser;
    private final BooleanSupplier started;

    /**
     * {@code started}: whether the adapter takes requests (before it has started, Bolt's middleware is not complete;
     * once it stops, no new work is taken).
     */
    SlackEventsHandler(App app, BooleanSupplier started) {
        this.app = app;
        this.parser = new SlackRequestParser(app.config());
        this.started = started;
    }

    @Override
    public void handle(Context ctx) throws IOException {
        if (!started.getAsBoolean()) {
            plain(ctx, 503, "masscast is not taking Slack requests now (it is starting or stopping); try again");
            return;
        }
        if (!isForm(ctx.req().getContentType())) {
            plain(ctx, 415, "Slack sends application/x-www-form-urlencoded");
            return;
        }
        if (ctx.req().getContentLengthLong() > MAX_BODY_BYTES) {
            plain(ctx, 413, "request body too large");
            return;
        }
        Optional<byte[]> body = readAtMost(ctx.req().getInputStream(), MAX_BODY_BYTES);
        if (body.isEmpty()) {
            plain(ctx, 413, "request body too large");
            return;
        }
        Request<?> request;
        try {
            request = parser.parse(SlackRequestParser.HttpRequest.builder()
                    .requestUri(ctx.path())
                    .queryString(QueryStringParser.toMap(ctx.queryString()))
                    .headers(new RequestHeaders(headers(ctx)))
                    .requestBody(new String(body.get(), StandardCharsets.UTF_8))
                    .remoteAddress(ctx.ip())
                    .build());
        } catch (RuntimeException unreadable) {
            request = null;
        }
        if (request == null) {
            plain(ctx, 400, "not a Slack request masscast understands");
            return;
        }
        write(ctx, run(request));
    }

    private Response run(Request<?> request) {
        try {
            return app.run(request);
        } catch (MalformedPayload malformed) {
            LOG.info("Slack request refused: {} ({})", malformed.getMessage(), request.getRequestType());
            return Response.builder()
                    .statusCode(400)
                    .contentType("text/plain")
                    .body("malformed payload")
                    .build();
        } catch (Exception e) {
            LOG.error("Slack request ({}) failed", request.getRequestType(), e);
            return Response.builder()
                    .statusCode(500)
                    .contentType("text/plain")
                    .body("masscast could not handle this request")
                    .build();
        }
    }

    /** Slack posts commands and interactions as a form; masscast subscribes to no JSON events. */
    private static boolean isForm(String contentType) {
        return contentType != null
                && contentType.strip().toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
    }

    private static Map<String, List<String>> headers(Context ctx) {
        Map<String, List<String>> headers = new HashMap<>();
        for (String name : Collections.list(ctx.req().getHeaderNames())) {
            headers.put(name, Collections.list(ctx.req().getHeaders(name)));
        }
        return headers;
    }

    /** The whole body, or empty if it is longer than {@code max} (then the rest is not read). */
    private static Optional<byte[]> readAtMost(InputStream in, int max) throws IOException {
        byte[] body = in.readNBytes(max + 1);
        return body.length > max ? Optional.empty() : Optional.of(body);
    }

    private static void write(Context ctx, Response response) {
        ctx.status(response.getStatusCode());
        if (response.getHeaders() != null) {
            response.getHeaders()
                    .forEach((name, values) -> values.forEach(value -> ctx.res().addHeader(name, value)));
        }
        if (response.getContentType() != null) {
            ctx.contentType(response.getContentType());
        }
        ctx.result(response.getBody() == null ? "" : response.getBody());
    }

    private static void plain(Context ctx, int status, String message) {
        ctx.status(status).contentType("text/plain").result(message);
    }
}
