package io.masscast.http;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.masscast.core.health.ConnectionHealthService;
import io.masscast.core.model.ConnectionEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /webhooks/ofauth}: OFAuth's system events about connections. A request that is unsigned,
 * wrongly signed or more than five minutes old gets 401 and changes nothing; so does every request while
 * {@code OFAUTH_WEBHOOK_SECRET} is not set. A verified {@code connection.*} event is applied once, by its id
 * (the Svix message id, else the body's {@code id}, else a hash of the body); other events are acknowledged
 * and ignored. OFAuth retries anything but a 2xx.
 */
public final class OfAuthWebhookHandler implements Handler {
    private static final Logger LOG = LoggerFactory.getLogger(OfAuthWebhookHandler.class);
    private static final JsonAdapter<Object> JSON = new Moshi.Builder().build().adapter(Object.class);

    private final Optional<OfAuthWebhookVerifier> verifier;
    private final ConnectionHealthService health;

    public OfAuthWebhookHandler(Optional<OfAuthWebhookVerifier> verifier, ConnectionHealthService health) {
        this.verifier = verifier;
        this.health = health;
    }

    @Override
    public void handle(Context ctx) {
        if (verifier.isEmpty()) {
            LOG.warn("Refused an OFAuth webhook: OFAUTH_WEBHOOK_SECRET is not set");
            ctx.status(HttpStatus.UNAUTHORIZED)
                    .result("OFAuth webhooks are not accepted: OFAUTH_WEBHOOK_SECRET is not set");
            return;
        }
        byte[] body = ctx.bodyAsBytes();
        OfAuthWebhookVerifier.Verdict verdict = verifier.get().verify(ctx::header, body);
        if (!verdict.verified()) {
            LOG.warn("Refused an OFAuth webhook: {}", verdict.reason());
            ctx.status(HttpStatus.UNAUTHORIZED).result("refused: " + verdict.reason());
            return;
        }
        try {
            Optional<ConnectionEvent> event = event(body, verdict.deliveryId());
            if (event.isEmpty()) {
                ctx.status(HttpStatus.OK).result("ignored: not a connection event");
                return;
            }
            ConnectionHealthService.EventOutcome outcome = health.onEvent(event.get());
            LOG.info(
                    "OFAuth event {} ({} for {}): {}",
                    event.get().eventId(),
                    event.get().type(),
                    event.get().connectionId(),
                    outcome);
            ctx.status(HttpStatus.OK).result(outcome.name().toLowerCase(Locale.ROOT));
        } catch (MalformedEvent e) {
            LOG.warn("Refused an OFAuth webhook: {}", e.getMessage());
            ctx.status(HttpStatus.BAD_REQUEST).result("refused: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("OFAuth webhook not applied; OFAuth will deliver it again", e);
            ctx.status(HttpStatus.INTERNAL_SERVER_ERROR).result("not applied, try again");
        }
    }

    /** The connection event in a verified body; empty for other events (such as {@code rules.updated}). */
    static Optional<ConnectionEvent> event(byte[] body, Optional<String> deliveryId) {
        Map<?, ?> json = object(parse(body), "the body");
        String type = text(json.get("eventType"))
                .or(() -> text(json.get("type")))
                .orElseThrow(() -> new MalformedEvent("the event has no eventType"));
        if (!type.startsWith("connection.")) {
            return Optional.empty();
        }
        Map<?, ?> connection = object(object(json.get("data"), "data").get("connection"), "data.connection");
        String connectionId =
                text(connection.get("id")).orElseThrow(() -> new MalformedEvent("the event names no connection"));
        String eventId = deliveryId
                .or(() -> text(json.get("id")))
                .or(() -> text(json.get("eventId")))
                .orElseGet(() -> "sha256:" + sha256(body));
        return Optional.of(new ConnectionEvent(eventId, type, connectionId, text(connection.get("status"))));
    }

    private static Object parse(byte[] body) {
        try {
            Object parsed = JSON.fromJson(new String(body, StandardCharsets.UTF_8));
            if (parsed == null) {
                throw new MalformedEvent("the body is empty");
            }
            return parsed;
        } catch (IOException | RuntimeException e) {
            throw e instanceof MalformedEvent malformed ? malformed : new MalformedEvent("the body is not JSON");
        }
    }

    private static Map<?, ?> object(Object value, String what) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        throw new MalformedEvent(what + " is not a JSON object");
    }

    private static Optional<String> text(Object value) {
        return value instanceof String s && !s.isBlank() ? Optional.of(s.strip()) : Optional.empty();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** A verified body masscast cannot read. */
    private static final class MalformedEvent extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MalformedEvent(String message) {
            super(message, null, false, false);
        }
    }
}
