package io.masscast.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.testing.MutableClock;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Both of OFAuth's signature schemes, their five-minute window, and what is refused. */
class OfAuthWebhookVerifierTest {
    private static final byte[] BODY =
            "{\"eventType\":\"connection.expired\",\"data\":{\"connection\":{\"id\":\"conn_demo\"}}}"
                    .getBytes(StandardCharsets.UTF_8);
    private static final byte[] KEY = "svix-signing-key-bytes".getBytes(StandardCharsets.UTF_8);
    private static final String SVIX_SECRET = "whsec_" + Base64.getEncoder().encodeToString(KEY);

    private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    private final long now = clock.instant().getEpochSecond();

    private static byte[] hmac(byte[] key, String prefix, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(prefix.getBytes(StandardCharsets.UTF_8));
        return mac.doFinal(body);
    }

    private OfAuthWebhookVerifier.Verdict verify(String secret, Map<String, String> headers, byte[] body) {
        return new OfAuthWebhookVerifier(secret, clock)
                .verify(
                        name -> headers.entrySet().stream()
                                .filter(e -> e.getKey().equalsIgnoreCase(name))
                                .map(Map.Entry::getValue)
                                .findFirst()
                                .orElse(null),
                        body);
    }

    private Map<String, String> svix(String id, long timestamp, byte[] signature) {
        return Map.of(
                "svix-id",
                id,
                "svix-timestamp",
                Long.toString(timestamp),
                "svix-signature",
                "v0,aWdub3JlZA== v1," + Base64.getEncoder().encodeToString(signature));
    }

    @Test
    void aSvixSignatureFromTheSecretIsAcceptedWithItsMessageId() throws Exception {
        byte[] signature = hmac(KEY, "msg_1." + now + ".", BODY);

        OfAuthWebhookVerifier.Verdict verdict = verify(SVIX_SECRET, svix("msg_1", now, signature), BODY);

        assertThat(verdict.verified()).isTrue();
        assertThat(verdict.deliveryId()).contains("msg_1");
    }

    @Test
    void anOfAuthSignatureInHexOrBase64IsAccepted() throws Exception {
        byte[] signature = hmac("plain-secret".getBytes(StandardCharsets.UTF_8), now + ".", BODY);

        assertThat(verify(
                                "plain-secret",
                                Map.of(
                                        "OFAuth-Signature",
                                        "t=" + now + ",v1=" + HexFormat.of().formatHex(signature)),
                                BODY)
                        .verified())
                .isTrue();
        assertThat(verify(
                                "plain-secret",
                                Map.of(
                                        "ofauth-signature",
                                        "t=" + now + ", v1="
                                                + Base64.getEncoder().encodeToString(signature)),
                                BODY)
                        .verified())
                .isTrue();
    }

    @Test
    void aChangedBodyOrAnotherSecretIsRefused() throws Exception {
        byte[] signature = hmac(KEY, "msg_1." + now + ".", BODY);
        byte[] changed = new String(BODY, StandardCharsets.UTF_8)
                .replace("conn_demo", "conn_other")
                .getBytes(StandardCharsets.UTF_8);

        assertThat(verify(SVIX_SECRET, svix("msg_1", now, signature), changed).reason())
                .isEqualTo("wrong svix-signature");
        assertThat(verify(SVIX_SECRET, svix("msg_2", now, signature), BODY).verified())
                .as("another message id")
                .isFalse();
        assertThat(verify("whsec_b3RoZXI=", svix("msg_1", now, signature), BODY).verified())
                .isFalse();
    }

    @Test
    void aSignatureMoreThanFiveMinutesFromNowIsRefusedEitherWay() throws Exception {
        long old = now - 301;
        long future = now + 301;

        assertThat(verify(SVIX_SECRET, svix("msg_1", old, hmac(KEY, "msg_1." + old + ".", BODY)), BODY)
                        .reason())
                .isEqualTo("the signature's timestamp is 301 s away from now (more than 5 minutes)");
        assertThat(verify(SVIX_SECRET, svix("msg_1", future, hmac(KEY, "msg_1." + future + ".", BODY)), BODY)
                        .verified())
                .isFalse();
        long edge = now - 300;
        assertThat(verify(SVIX_SECRET, svix("msg_1", edge, hmac(KEY, "msg_1." + edge + ".", BODY)), BODY)
                        .verified())
                .isTrue();
    }

    @Test
    void unsignedAndMalformedHeadersAreRefused() {
        assertThat(verify("plain-secret", Map.of(), BODY).reason()).startsWith("unsigned");
        assertThat(verify("plain-secret", Map.of("OFAuth-Signature", "v1=abc"), BODY)
                        .reason())
                .startsWith("malformed OFAuth-Signature");
        assertThat(verify("plain-secret", Map.of("OFAuth-Signature", "t=soon,v1=abc"), BODY)
                        .reason())
                .isEqualTo("the signature's timestamp is not a number of seconds");
        assertThat(verify(SVIX_SECRET, Map.of("svix-id", "m", "svix-timestamp", "" + now), BODY)
                        .reason())
                .as("a missing signature header")
                .startsWith("unsigned");
    }
}
