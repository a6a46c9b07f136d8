package io.masscast.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A media item in the creator's vault; its id can be used as a message media item. */
public record VaultMedia(long id, String type, Optional<Instant> createdAt) {
    public VaultMedia {
        type = type == null ? "" : type;
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
