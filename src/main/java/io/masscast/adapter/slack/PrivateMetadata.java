package io.masscast.adapter.slack;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A modal's {@code private_metadata}: what it must remember until it is submitted (a view submission carries
 * no channel), as URL-encoded {@code key=value} pairs. Slack hands it back untouched; only this app can open
 * its modals.
 */
final class PrivateMetadata {
    /** Slack's limit for {@code private_metadata}. */
    private static final int MAX = 3000;

    private PrivateMetadata() {}

    static String encode(Map<String, String> values) {
        String encoded = values.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        if (encoded.length() > MAX) {
            throw new IllegalArgumentException("private_metadata over Slack's limit");
        }
        return encoded;
    }

    static Map<String, String> decode(String metadata) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair :
                MalformedPayload.require(metadata, "private_metadata").split("&")) {
            int eq = pair.indexOf('=');
            if (eq < 1) {
                throw new MalformedPayload("unreadable private_metadata");
            }
            try {
                values.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new MalformedPayload("unreadable private_metadata");
            }
        }
        return values;
    }
}
