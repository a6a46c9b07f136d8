package io.masscast.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A mass message as OFAuth's analytics (and a DELETE's {@code queue}) report it. Revenue is the
 * reported amount when OFAuth gives one, else purchases × price.
 */
public record SentMessageStats(
        long id,
        Instant date,
        String text,
        long sentCount,
        long viewedCount,
        long purchasedCount,
        BigDecimal price,
        Optional<BigDecimal> amount,
        int mediaCount,
        boolean canceled,
        boolean canUnsend,
        long unsendSeconds) {

    public SentMessageStats {
        Objects.requireNonNull(date, "date");
        text = text == null ? "" : text;
        price = price == null ? BigDecimal.ZERO : price;
        Objects.requireNonNull(amount, "amount");
    }

    public BigDecimal revenue() {
        return amount.orElseGet(() -> price.multiply(BigDecimal.valueOf(purchasedCount)));
    }
}
