package io.masscast.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook request comes from OFAuth, in either of the two schemes OFAuth describes:
 * <ul>
 *   <li>{@code OFAuth-Signature: t=<unix seconds>,v1=<signature>}: HMAC-SHA256 with the secret over
 *       {@code "<t>.<raw body>"}, the signature in hex (or base64);</li>
 *   <li>Svix-style {@code svix-id}, {@code svix-timestamp}, {@code svix-signature: v1,<base64> ...}: HMAC-SHA256
 *       over {@code "<id>.<timestamp>.<raw body>"} with the base64-decoded secret (an optional {@code whsec_}
 *       prefix removed).</li>
 * </ul>
 * A timestamp more than five minutes from now (either way) is refused, so a captured request cannot be
 * replayed later. Signatures are compared in constant time; nothing about the secret is ever reported.
 */
public final class OfAuthWebhookVerifier {
    static final Duration TOLERANCE = Duration.ofMinutes(5);
    private static final String ALGORITHM = "HmacSHA256";
    private static final String SVIX_PREFIX = "whsec_";

    private final byte[] plainKey;
    private final byte[] svixKey;
    private final Clock clock;

    /** The result of checking one request: {@code deliveryId} is the Svix message id when that scheme was used. */
    public record Verdict(boolean verified, String reason, Optional<String> deliveryId) {
        static Verdict refused(String reason) {
            return new Verdict(false, reason, Optional.empty());
        }
    }

    public OfAuthWebhookVerifier(String secret, Clock clock) {
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException("a webhook secret is required");
        }
        this.plainKey = secret.getBytes(StandardCharsets.UTF_8);
        this.svixKey = svixKey(secret);
        this.clock = clock;
    }

    /** Checks a request given its headers (looked up by name, any case) and its raw body. */
    public Verdict verify(UnaryOperator<String> header, byte[] body) {
        String ofauth = header.apply("OFAuth-Signature");
        if (ofauth != null) {
            return verifyOfAuthScheme(ofauth, body);
        }
        String id = header.apply("svix-id");
        String timestamp = header.apply("svix-timestamp");
        String signature = header.apply("svix-signature");
        if (id != null && timestamp != null && signature != null) {
            return verifySvixScheme(id, timestamp, signature, body);
        }
        return Verdict.refused("unsigned: neither an OFAuth-Signature nor svix-* signature headers");
    }

    private Verdict verifyOfAuthScheme(String header, byte[] body) {
        String timestamp = null;
        List<String> signatures = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pair = part.strip().split("=", 2);
            if (pair.length == 2 && pair[0].equals("t")) {
                timestamp = pair[1].strip();
            } else if (pair.length == 2 && pair[0].equals("v1")) {
                signatures.add(pair[1].strip());
            }
        }
        if (timestamp == null || signatures.isEmpty()) {
            return Verdict.refused("malformed OFAuth-Signature header (needs t=... and v1=...)");
        }
        Optional<String> stale = staleness(timestamp);
        if (stale.isPresent()) {
            return Verdict.refused(stale.get());
        }
        byte[] expected = hmac(plainKey, timestamp + ".", body);
        boolean matches = signatures.stream()
                .map(OfAuthWebhookVerifier::decodeEither)
                .flatMap(Optional::stream)
                .anyMatch(candidate -> MessageDigest.isEqual(expected, candidate));
        return matches ? new Verdict(true, "", Optional.empty()) : Verdict.refused("wrong OFAuth-Signature");
    }

    private Verdict verifySvixScheme(String id, String timestamp, String header, byte[] body) {
        Optional<String> stale = staleness(timestamp);
        if (stale.isPresent()) {
            return Verdict.refused(stale.get());
        }
        byte[] expected = hmac(svixKey, id + "." + timestamp + ".", body);
        for (String entry : header.strip().split(" ")) {
            String[] versioned = entry.split(",", 2);
            if (versioned.length == 2 && versioned[0].equals("v1")) {
                Optional<byte[]> candidate = base64(versioned[1]);
                if (candidate.isPresent() && MessageDigest.isEqual(expected, candidate.get())) {
                    return new Verdict(true, "", Optional.of(id));
                }
            }
        }
        return Verdict.refused("wrong svix-signature");
    }

    private Optional<String> staleness(String timestamp) {
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            return Optional.of("the signature's timestamp is not a number of seconds");
        }
        Duration off = Duration.between(Instant.ofEpochSecond(seconds), clock.instant())
                .abs();
        return off.compareTo(TOLERANCE) > 0
                ? Optional.of(
                        "the signature's timestamp is " + off.toSeconds() + " s away from now (more than 5 minutes)")
                : Optional.empty();
    }

    private static byte[] hmac(byte[] key, String prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            mac.update(prefix.getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available", e);
        }
    }

    private static byte[] svixKey(String secret) {
        String bare = secret.startsWith(SVIX_PREFIX) ? secret.substring(SVIX_PREFIX.length()) : secret;
        return base64(bare).filter(key -> key.length > 0).orElse(bare.getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<byte[]> decodeEither(String signature) {
        try {
            return Optional.of(HexFormat.of().parseHex(signature));
        } catch (IllegalArgumentException notHex) {
            return base64(signature);
        }
    }

    private static Optional<byte[]> base64(String text) {
        try {
            return Optional.of(Base64.getDecoder().decode(text.strip()));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
