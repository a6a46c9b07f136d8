package io.masscast.core.campaign;

import io.masscast.core.model.Attachment;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Files attached in chat as a message's media: stand-ins after the message's own media while the policy checks the
 * draft (nothing is uploaded for a draft it refuses), then the upload references of the files as uploaded.
 */
public final class AttachedMedia {
    private static final String STAND_IN = "upload:attached-file-";

    private AttachedMedia() {}

    /** The draft with one stand-in per file after its own media. */
    public static CampaignDraft withStandIns(CampaignDraft draft, int files) {
        List<MediaItem> media = new ArrayList<>(draft.content().media());
        IntStream.rangeClosed(1, files)
                .mapToObj(i -> new MediaItem(MediaItem.Kind.UPLOAD, STAND_IN + i))
                .forEach(media::add);
        return new CampaignDraft(withMedia(draft.content(), media), draft.audience(), draft.sendAt());
    }

    /** The content with each stand-in replaced by the upload reference of the file it stands for. */
    public static MessageContent uploaded(MessageContent content, List<Attachment> attachments) {
        List<MediaItem> media = content.media().stream()
                .map(item -> standsFor(item) < 0
                        ? item
                        : new MediaItem(
                                MediaItem.Kind.UPLOAD,
                                attachments.get(standsFor(item)).uploadRef()))
                .toList();
        return withMedia(content, media);
    }

    /** Whether the content carries stand-ins for attached files. */
    public static boolean hasStandIns(MessageContent content) {
        return content.media().stream().anyMatch(item -> standsFor(item) >= 0);
    }

    /** The index of the file a stand-in stands for, or -1 for any other media item. */
    private static int standsFor(MediaItem item) {
        return item.kind() == MediaItem.Kind.UPLOAD && item.value().startsWith(STAND_IN)
                ? Integer.parseInt(item.value().substring(STAND_IN.length())) - 1
                : -1;
    }

    private static MessageContent withMedia(MessageContent c, List<MediaItem> media) {
        return new MessageContent(c.text(), c.markdown(), c.lockedText(), media, c.previewCount(), c.price());
    }
}
