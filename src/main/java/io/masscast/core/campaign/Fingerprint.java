package io.masscast.core.campaign;

import io.masscast.core.model.Audience;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A SHA-256 over everything that decides what fans receive and who receives it. An approval is valid
 * only for the fingerprint it was given, so any change after approval needs a new approval.
 *
 * <p>Audience ids are sorted (their order changes nobody's inbox); media keep their order because the
 * first N are the free previews. Each value is length-prefixed so no two contents encode alike.
 */
public final class Fingerprint {
    private Fingerprint() {}

    public static String of(
            String connectionId, MessageContent content, Audience audience, Optional<Instant> scheduledAt) {
        StringBuilder canonical = new StringBuilder();
        field(canonical, "connection", connectionId);
        field(canonical, "text", content.text());
        field(canonical, "markdown", Boolean.toString(content.markdown()));
        field(canonical, "locked", Boolean.toString(content.lockedText()));
        field(
                canonical,
                "media",
                content.media().stream().map(Fingerprint::media).toList());
        field(canonical, "preview", Integer.toString(content.previewCount()));
        field(canonical, "price", content.price().stripTrailingZeros().toPlainString());
        field(canonical, "users", sorted(audience.userIds()));
        field(canonical, "lists", sorted(audience.lists()));
        field(canonical, "exclude", sorted(audience.excludedLists()));
        field(
                canonical,
                "subscribedAfter",
                audience.subscribedAfter().map(Instant::toString).orElse(""));
        field(canonical, "scheduledAt", scheduledAt.map(Instant::toString).orElse(""));
        return digest(canonical.toString());
    }

    /** The SHA-256 of {@code text}, in hex. */
    static String digest(String text) {
        return HexFormat.of().formatHex(sha256(text));
    }

    /** The first characters, enough to tell versions apart on a card or in a button value. */
    public static String shortForm(String fingerprint) {
        return fingerprint.substring(0, Math.min(12, fingerprint.length()));
    }

    private static String media(MediaItem item) {
        return item.kind() + ":" + item.value();
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }

    private static void field(StringBuilder out, String name, List<String> values) {
        out.append(name).append('[').append(values.size()).append(']');
        values.forEach(value -> out.append(value.length()).append(':').append(value));
        out.append(';');
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(name)
                .append('=')
                .append(value.length())
                .append(':')
                .append(value)
                .append(';');
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
