package io.masscast.core.model;

/**
 * How OFAuth wants a file uploaded ({@code POST /uploads/init}): under {@code mediaUploadId}, in one PUT when
 * {@code totalParts} is 1, else in {@code totalParts} parts of {@code partSize} bytes (the last one shorter) and a
 * completion.
 */
public record UploadPlan(String mediaUploadId, int totalParts, long partSize) {
    public UploadPlan {
        ChannelRef.requireText(mediaUploadId, "mediaUploadId");
        if (totalParts < 1 || partSize < 1) {
            throw new IllegalArgumentException("an upload has at least one part of at least one byte");
        }
    }
}
