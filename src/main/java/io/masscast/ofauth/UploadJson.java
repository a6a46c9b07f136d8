package io.masscast.ofauth;

import com.squareup.moshi.JsonDataException;
import io.masscast.core.model.UploadPlan;
import io.masscast.core.model.UploadedMedia;
import java.util.Optional;
import okhttp3.Headers;

/**
 * The upload flow's JSON: what {@code /uploads/init} is sent and answers, and what a finished upload (the single PUT,
 * or {@code /uploads/complete}) answers.
 */
public final class UploadJson {
    /** OFAuth's SDKs read the plan from these headers; its how-to guide reads {@code totalParts} from the body. */
    static final String TOTAL_PARTS = "x-ofauth-upload-total-parts";

    static final String PART_SIZE = "x-ofauth-upload-part-size";

    private UploadJson() {}

    /** {@code {filename, size, contentType}}, the field names of OFAuth's schema. */
    public record InitRequest(String filename, long size, String contentType) {}

    public record Init(String mediaUploadId, Integer totalParts) {
        /** The plan: the headers', else the body's part count, else one part; parts cover the file evenly when unsized. */
        UploadPlan toPlan(Headers headers, long size) {
            if (mediaUploadId == null || mediaUploadId.isBlank()) {
                throw new JsonDataException("upload init answer without a mediaUploadId");
            }
            int parts =
                    number(headers.get(TOTAL_PARTS)).map(Math::toIntExact).orElse(totalParts == null ? 1 : totalParts);
            if (parts < 1) {
                throw new JsonDataException("upload plan with " + parts + " parts");
            }
            long partSize = number(headers.get(PART_SIZE)).orElse((size + parts - 1) / parts);
            if (partSize < 1 || partSize * parts < size) {
                throw new JsonDataException(
                        "upload plan of " + parts + " parts of " + partSize + " bytes for " + size + " bytes");
            }
            return new UploadPlan(mediaUploadId, parts, partSize);
        }
    }

    public record CompleteRequest(String mediaUploadId) {}

    public record Finished(String mediaUploadId, VaultMediaJson media) {
        UploadedMedia toUploaded(String expectedId) {
            String id = mediaUploadId == null || mediaUploadId.isBlank() ? expectedId : mediaUploadId;
            return new UploadedMedia(id, Optional.ofNullable(media).map(VaultMediaJson::id));
        }
    }

    private static Optional<Long> number(String header) {
        try {
            return header == null || header.isBlank() ? Optional.empty() : Optional.of(Long.parseLong(header.strip()));
        } catch (NumberFormatException unreadable) {
            throw new JsonDataException("unreadable upload plan header: " + header);
        }
    }
}
