package io.masscast.core.model;

import java.util.Objects;
import java.util.Optional;

/** A finished upload: its reference for {@code mediaItems}, and the vault media id if OFAuth gave one. */
public record UploadedMedia(String mediaUploadId, Optional<Long> vaultMediaId) {
    public UploadedMedia {
        ChannelRef.requireText(mediaUploadId, "mediaUploadId");
        Objects.requireNonNull(vaultMediaId, "vaultMediaId");
    }
}
