package io.masscast.simulator;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Delivers OFAuth system events ({@code connection.expired}, {@code connection.updated}, {@code connection.created})
 * to a configured URL, signed like OFAuth signs them: Svix-style headers ({@code svix-id}, {@code svix-timestamp},
 * {@code svix-signature: v1,<base64>}, key = the base64 secret after {@code whsec_}) or the documented
 * {@code OFAuth-Signature: t=<unix>,v1=<hex>} over {@code "<t>.<body>"}. Timestamps are wall-clock time, as a
 * receiver's clock would see them; {@code age} makes one old, {@code forged} signs with a wrong key.
 */
final class WebhookSender {
    /** Where events go and how they are signed. */
    record Target(URI url, String secret, Scheme scheme) {}

    enum Scheme {
        SVIX,
        OFAUTH;

        static Scheme fromWireName(String name) {
            if (name == null || name.equals("svix")) {
                return SVIX;
            }
            if (name.equals("ofauth")) {
                return OFAUTH;
            }
            throw new IllegalArgumentException("scheme: svix or ofauth (got \"" + name + "\")");
        }
    }

    /** What the receiver answered. */
    record Delivery(String eventId, int status, String body) {}

    private final AtomicReference<Target> target = new AtomicReference<>();
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Clock wallClock;

    WebhookSender(Clock wallClock) {
        this.wallClock = wallClock;
    }

    void configure(Target newTarget) {
        target.set(newTarget);
    }

    Optional<Target> target() {
        return Optional.ofNullable(target.get());
    }

    /** Sends one event about {@code account}'s connection; empty when no target is configured. */
    Optional<Delivery> send(String type, CreatorAccount account, Duration age, boolean forged) {
        Target to = target.get();
        if (to == null) {
            return Optional.empty();
        }
        String eventId = "evt_" + UUID.randomUUID().toString().replace("-", "");
        Connection connection = account.connection();
        byte[] body = Json.write(Json.object(
                "id",
                eventId,
                "eventType",
                type,
                "live",
                false,
                "data",
                Json.object(
                        "connection",
                                Json.object(
                                        "id", connection.id(),
                                        "platformUserId",
                                                String.valueOf(account.creator().userId()),
                                        "status", connection.status().wireName()),
                        "clientReferenceId", connection.clientReferenceId())));
        long timestamp = wallClock.instant().minus(age).getEpochSecond();
        String secret = forged ? to.secret() + "-forged" : to.secret();
        HttpRequest.Builder request = HttpRequest.newBuilder(to.url())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        signatureHeaders(to.scheme(), secret, eventId, timestamp, body).forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return Optional.of(new Delivery(eventId, response.statusCode(), response.body()));
        } catch (IOException e) {
            throw new IllegalStateException("could not deliver the event to " + to.url() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while delivering the event", e);
        }
    }

    private static Map<String, String> signatureHeaders(
            Scheme scheme, String secret, String eventId, long timestamp, byte[] body) {
        if (scheme == Scheme.OFAUTH) {
            byte[] signature = hmac(secret.getBytes(StandardCharsets.UTF_8), timestamp + ".", body);
            return Map.of(
                    "OFAuth-Signature",
                    "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(signature));
        }
        String bare = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(bare);
        } catch (IllegalArgumentException notBase64) {
            key = bare.getBytes(StandardCharsets.UTF_8);
        }
        byte[] signature = hmac(key, eventId + "." + timestamp + ".", body);
        return Map.of(
                "svix-id",
                eventId,
                "svix-timestamp",
                Long.toString(timestamp),
                "svix-signature",
                "v1," + Base64.getEncoder().encodeToString(signature));
    }

    private static byte[] hmac(byte[] key, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }
}
