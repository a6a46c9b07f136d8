package io.masscast.simulator;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * What a mass message says and shows, once its media are resolved to vault items.
 *
 * @param price         two decimals; zero for a free message
 * @param scheduledDate null for an immediate send
 */
record MessageContent(
        String text,
        List<VaultMedia> media,
        int previewCount,
        BigDecimal price,
        boolean lockedText,
        boolean markdown,
        Instant scheduledDate) {

    MessageContent {
        media = List.copyOf(media);
    }

    boolean free() {
        return price.signum() == 0;
    }

    List<VaultMedia> previews() {
        return media.subList(0, previewCount);
    }
}
