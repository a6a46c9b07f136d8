package io.masscast.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A file attached in chat and uploaded to the creator's OFAuth account for a campaign: the upload reference that
 * stands in the campaign's media, the vault media id OFAuth gave when the upload completed (if it gave one), and
 * what the card shows of it. Upload references are single-use, so once a request that carried the reference may
 * have reached OFAuth ({@code referenceSpentAt}), later requests carry the vault id instead.
 */
public record Attachment(
        String uploadRef,
        Optional<Long> vaultMediaId,
        String fileName,
        String contentType,
        long size,
        Optional<Instant> referenceSpentAt) {
    public Attachment {
        ChannelRef.requireText(uploadRef, "uploadRef");
        Objects.requireNonNull(vaultMediaId, "vaultMediaId");
        ChannelRef.requireText(fileName, "fileName");
        ChannelRef.requireText(contentType, "contentType");
        if (size < 1) {
            throw new IllegalArgumentException("an attachment has at least one byte");
        }
        Objects.requireNonNull(referenceSpentAt, "referenceSpentAt");
    }

    /** Freshly uploaded: its reference not used yet. */
    public static Attachment uploaded(String uploadRef, Optional<Long> vaultMediaId, ChatFile file) {
        return new Attachment(uploadRef, vaultMediaId, file.name(), file.contentType(), file.size(), Optional.empty());
    }

    /** The same file for another message: its reference counts as used from {@code at}, so requests carry the vault id. */
    public Attachment usedAt(Instant at) {
        return new Attachment(uploadRef, vaultMediaId, fileName, contentType, size, Optional.of(at));
    }

    /** The attachment a media item names (by its upload reference), if it is one of {@code attachments}. */
    public static Optional<Attachment> named(MediaItem item, List<Attachment> attachments) {
        return item.kind() != MediaItem.Kind.UPLOAD
                ? Optional.empty()
                : attachments.stream()
                        .filter(a -> a.uploadRef().equals(item.value()))
                        .findFirst();
    }

    /** What a request to OFAuth carries for it: the reference until it may have been used, then the vault id if known. */
    public MediaItem forRequest() {
        return referenceSpentAt.isPresent() && vaultMediaId.isPresent()
                ? MediaItem.vault(vaultMediaId.get())
                : new MediaItem(MediaItem.Kind.UPLOAD, uploadRef);
    }
}
