package io.masscast.ofauth;

import io.masscast.core.model.Audience;
import io.masscast.core.model.MassMessage;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The body of a create ({@code POST /v2/access/mass-messages}) and a replace ({@code PUT .../{id}}).
 * Absent (null) fields are not written at all: Moshi omits nulls.
 */
public record MassMessageRequestJson(
        String text,
        boolean isMarkdown,
        boolean isLockedText,
        List<Object> mediaItems,
        Integer previewMediaCount,
        BigDecimal price,
        List<Object> userIds,
        List<Object> userLists,
        List<Object> excludeUserLists,
        Instant subscribedAfterDate,
        Instant scheduledDate) {

    private static final Pattern NUMERIC_ID = Pattern.compile("[1-9][0-9]{0,17}");

    static MassMessageRequestJson from(MassMessage message) {
        MessageContent content = message.content();
        Audience audience = message.audience();
        boolean hasMedia = !content.media().isEmpty();
        return new MassMessageRequestJson(
                content.text(),
                content.markdown(),
                content.lockedText(),
                hasMedia
                        ? content.media().stream()
                                .map(MassMessageRequestJson::mediaValue)
                                .toList()
                        : null,
                hasMedia ? content.previewCount() : null,
                content.price().signum() > 0 ? content.price() : null,
                ids(audience.userIds()),
                ids(audience.lists()),
                ids(audience.excludedLists()),
                audience.subscribedAfter().orElse(null),
                message.scheduledAt().orElse(null));
    }

    private static Object mediaValue(MediaItem item) {
        return item.kind() == MediaItem.Kind.VAULT ? id(item.value()) : item.value();
    }

    private static List<Object> ids(List<String> ids) {
        return ids.isEmpty()
                ? null
                : ids.stream().map(MassMessageRequestJson::id).toList();
    }

    /** OFAuth ids are numbers, except named lists ("fans"): all-digit ids go out as JSON numbers. */
    private static Object id(String id) {
        return NUMERIC_ID.matcher(id).matches() ? (Object) Long.valueOf(id) : id;
    }
}
