package io.masscast.ofauth;

import static io.masscast.ofauth.OfAuthJson.isTrue;
import static io.masscast.ofauth.OfAuthJson.orZero;

import com.squareup.moshi.JsonDataException;
import io.masscast.core.model.MessageDetails;
import io.masscast.core.model.SentMessageStats;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A mass message as OFAuth returns it from GET, in a DELETE's {@code queue} and in the sent/purchased
 * analytics. Covers the schema ({@code date}, string {@code price}, {@code rawText}) and the guide's
 * shape ({@code createdAt}, {@code totalAmount}); {@code amount} is honoured if OFAuth ever sends it.
 */
public record MassMessageJson(
        Long id,
        String text,
        String rawText,
        Instant date,
        Instant createdAt,
        Long sentCount,
        Long viewedCount,
        Long purchasedCount,
        BigDecimal price,
        BigDecimal amount,
        BigDecimal totalAmount,
        Boolean isFree,
        Integer mediaCount,
        List<Object> media,
        Boolean isCanceled,
        Boolean canUnsend,
        Long unsendSeconds) {

    SentMessageStats toStats() {
        Instant when = date != null ? date : createdAt;
        if (when == null) {
            throw new JsonDataException("mass message " + id + " without a date");
        }
        return new SentMessageStats(
                requireId(),
                when,
                displayText(),
                orZero(sentCount),
                orZero(viewedCount),
                orZero(purchasedCount),
                price,
                Optional.ofNullable(amount != null ? amount : totalAmount),
                countMedia(),
                isTrue(isCanceled),
                isTrue(canUnsend),
                orZero(unsendSeconds));
    }

    MessageDetails toDetails() {
        boolean free = isFree != null ? isFree : price == null || price.signum() == 0;
        return new MessageDetails(
                requireId(),
                displayText(),
                free,
                Optional.ofNullable(price),
                countMedia(),
                Optional.ofNullable(createdAt != null ? createdAt : date));
    }

    /** OnlyFans keeps the text as HTML in {@code text} and, when present, as written in {@code rawText}. */
    private String displayText() {
        return rawText != null ? rawText : text;
    }

    private long requireId() {
        if (id == null) {
            throw new JsonDataException("mass message without an id");
        }
        return id;
    }

    private int countMedia() {
        if (mediaCount != null) {
            return mediaCount;
        }
        return media == null ? 0 : media.size();
    }
}
