package io.masscast.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A validated create/replace body, before list ids and upload references are resolved.
 * Id lists hold ids as strings: {@code 1187345} and {@code "1187345"} mean the same list.
 */
record MessageDraft(
        String text,
        List<MediaRef> mediaItems,
        BigDecimal price,
        int previewMediaCount,
        boolean lockedText,
        boolean markdown,
        List<String> userIds,
        List<String> userLists,
        List<String> excludeUserLists,
        Instant subscribedAfter,
        Instant scheduledDate) {}
