package io.masscast.core.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What fans receive: text, formatting flags, media with the number of free previews, and the PPV price
 * ({@link BigDecimal#ZERO} means free). Rules (lengths, price bounds) are checked by the send policy.
 */
public record MessageContent(
        String text, boolean markdown, boolean lockedText, List<MediaItem> media, int previewCount, BigDecimal price) {

    public MessageContent {
        text = text == null ? "" : text;
        media = List.copyOf(Objects.requireNonNull(media, "media"));
        price = price == null ? BigDecimal.ZERO : price;
    }

    public static MessageContent text(String text) {
        return new MessageContent(text, true, false, List.of(), 0, BigDecimal.ZERO);
    }

    public boolean isFree() {
        return price.signum() == 0;
    }
}
