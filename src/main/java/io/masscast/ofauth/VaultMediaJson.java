package io.masscast.ofauth;

import com.squareup.moshi.JsonDataException;
import io.masscast.core.model.VaultMedia;
import java.time.Instant;
import java.util.Optional;

/** A vault media item. */
public record VaultMediaJson(Long id, String type, Instant createdAt) {

    VaultMedia toVaultMedia() {
        if (id == null) {
            throw new JsonDataException("vault media without an id");
        }
        return new VaultMedia(id, type, Optional.ofNullable(createdAt));
    }
}
