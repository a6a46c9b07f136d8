package io.masscast.core.campaign;

import io.masscast.core.model.Attachment;
import io.masscast.core.model.ChatFile;
import io.masscast.core.model.UploadPlan;
import io.masscast.core.model.UploadedMedia;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import io.masscast.core.policy.MediaLimits;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthGateway;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads files attached in chat to the creator's OFAuth account through OFAuth's upload flow: init, then the
 * whole file in one PUT, or each part and a completion, as OFAuth planned it. The file is read from the chat
 * platform a part at a time, and must have exactly the size the platform declared. Nothing is stored here: the
 * caller makes the campaign only once every file is uploaded, so a failed upload leaves no campaign behind (the
 * files uploaded before it stay unused in the vault).
 */
public final class MediaUploadService {
    private static final Logger LOG = LoggerFactory.getLogger(MediaUploadService.class);

    private final OfAuthGateway ofauth;

    public MediaUploadService(OfAuthGateway ofauth) {
        this.ofauth = ofauth;
    }

    /** Why an upload failed, as the field error the requester reads; nothing was created. */
    public static final class UploadFailed extends RuntimeException {
        private final FieldError error;

        UploadFailed(FieldError error) {
            super(error.message());
            this.error = error;
        }

        public FieldError error() {
            return error;
        }
    }

    /** Uploads every file (checked by {@link MediaLimits} before) in order; throws {@link UploadFailed} at the first failure. */
    public List<Attachment> upload(String connectionId, List<ChatFile> files) {
        List<Attachment> uploaded = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            ChatFile file = files.get(i);
            String which =
                    files.size() == 1 ? file.name() : file.name() + " (file " + (i + 1) + " of " + files.size() + ")";
            try {
                UploadedMedia done = upload(connectionId, file);
                uploaded.add(Attachment.uploaded(done.mediaUploadId(), done.vaultMediaId(), file));
                LOG.info(
                        "Uploaded attachment {} of {} to {} as {}",
                        i + 1,
                        files.size(),
                        connectionId,
                        done.mediaUploadId());
            } catch (OfAuthFailure failure) {
                LOG.warn(
                        "Upload of attachment {} of {} to {} failed: {}",
                        i + 1,
                        files.size(),
                        connectionId,
                        failure.getClass().getSimpleName());
                throw failed(which, reason(failure), uploaded.size());
            } catch (IOException unreadable) {
                LOG.warn(
                        "Attachment {} of {} for {} could not be read: {}",
                        i + 1,
                        files.size(),
                        connectionId,
                        unreadable.getClass().getSimpleName());
                throw failed(
                        which,
                        "masscast could not read it from the chat (" + unreadable.getMessage() + ")",
                        uploaded.size());
            }
        }
        return uploaded;
    }

    private UploadedMedia upload(String connectionId, ChatFile file) throws IOException {
        UploadPlan plan = ofauth.initUpload(connectionId, file.name(), file.size(), file.contentType());
        try (InputStream in = file.source().open()) {
            if (plan.totalParts() == 1) {
                UploadedMedia done = ofauth.uploadWhole(
                        connectionId, plan.mediaUploadId(), file.contentType(), read(in, file.size(), file));
                requireEnd(in, file);
                return done;
            }
            long left = file.size();
            for (int part = 1; part <= plan.totalParts(); part++) {
                long length = Math.min(plan.partSize(), left);
                ofauth.uploadPart(connectionId, plan.mediaUploadId(), part, file.contentType(), read(in, length, file));
                left -= length;
            }
            requireEnd(in, file);
            return ofauth.completeUpload(connectionId, plan.mediaUploadId());
        }
    }

    /** Exactly {@code length} bytes, or an error saying the file is shorter than the platform said. */
    private static byte[] read(InputStream in, long length, ChatFile file) throws IOException {
        byte[] bytes = in.readNBytes(Math.toIntExact(length));
        if (bytes.length < length) {
            throw new IOException(
                    "it ended before the " + MediaLimits.size(file.size()) + " the chat platform announced");
        }
        return bytes;
    }

    private static void requireEnd(InputStream in, ChatFile file) throws IOException {
        if (in.read() != -1) {
            throw new IOException(
                    "it is larger than the " + MediaLimits.size(file.size()) + " the chat platform announced");
        }
    }

    /** What went wrong, as the requester reads it (the failure's own text is worded for sending a message). */
    private static String reason(OfAuthFailure failure) {
        if (failure instanceof OfAuthFailure.InvalidRequest invalid) {
            return "OFAuth refused it: " + invalid.reason();
        }
        if (failure instanceof OfAuthFailure.ServerError server) {
            return "OFAuth answered with a server error (HTTP " + server.status() + ")";
        }
        if (failure instanceof OfAuthFailure.NetworkError) {
            return "OFAuth could not be reached";
        }
        if (failure instanceof OfAuthFailure.RateLimited) {
            return "OFAuth's rate limit for this creator was reached";
        }
        return "OFAuth did not take it (" + failure.getMessage() + ")";
    }

    private static UploadFailed failed(String which, String why, int before) {
        return new UploadFailed(new FieldError(
                Fields.FILES,
                "Could not upload " + which + ": " + why + ". Nothing was"
                        + " created"
                        + (before == 0
                                ? ""
                                : before == 1
                                        ? " (the file uploaded before it stays unused in the vault)"
                                        : " (the " + before + " files uploaded before it stay unused in the vault)")
                        + "; submit again, or attach fewer or smaller files."));
    }
}
