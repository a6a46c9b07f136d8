package io.masscast.simulator;

import java.util.Optional;

/** Vault media types as OFAuth names them. */
enum MediaType {
    PHOTO("photo"),
    VIDEO("video"),
    GIF("gif"),
    AUDIO("audio");

    private final String wireName;

    MediaType(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Optional<MediaType> fromWireName(String name) {
        for (MediaType type : values()) {
            if (type.wireName.equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    static Optional<MediaType> fromContentType(String contentType) {
        if (contentType.equals("image/gif")) {
            return Optional.of(GIF);
        }
        if (contentType.startsWith("image/")) {
            return Optional.of(PHOTO);
        }
        if (contentType.startsWith("video/")) {
            return Optional.of(VIDEO);
        }
        if (contentType.startsWith("audio/")) {
            return Optional.of(AUDIO);
        }
        return Optional.empty();
    }
}
