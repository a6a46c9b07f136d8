package io.masscast.core.model;

import java.util.Objects;

/**
 * One entry of a message's media: a vault media id, an upload reference, or an http(s) URL.
 * Parsing and validation of user input live in the send policy; this record only holds a checked value.
 */
public record MediaItem(Kind kind, String value) {
    public enum Kind {
        VAULT,
        UPLOAD,
        URL
    }

    public MediaItem {
        Objects.requireNonNull(kind, "kind");
        ChannelRef.requireText(value, "value");
    }

    public static MediaItem vault(long id) {
        return new MediaItem(Kind.VAULT, Long.toString(id));
    }

    @Override
    public String toString() {
        return value;
    }
}
