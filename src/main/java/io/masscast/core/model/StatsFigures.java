package io.masscast.core.model;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A campaign's numbers as OFAuth reported them at one moment. {@code revenueReported} says whether OFAuth
 * gave the amount; otherwise revenue is purchases × price (OFAuth reports no amount per buyer).
 */
public record StatsFigures(long sent, long viewed, long purchased, BigDecimal revenue, boolean revenueReported) {

    public static final StatsFigures NONE = new StatsFigures(0, 0, 0, BigDecimal.ZERO, false);

    public StatsFigures {
        if (sent < 0 || viewed < 0 || purchased < 0) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        Objects.requireNonNull(revenue, "revenue");
    }

    /** What an analytics row says. */
    public static StatsFigures of(SentMessageStats row) {
        return new StatsFigures(
                row.sentCount(),
                row.viewedCount(),
                row.purchasedCount(),
                row.revenue(),
                row.amount().isPresent());
    }

    /** Whether any number differs (revenue compared by value, so 12.5 equals 12.50). */
    public boolean differsFrom(StatsFigures other) {
        return sent != other.sent
                || viewed != other.viewed
                || purchased != other.purchased
                || revenue.compareTo(other.revenue) != 0
                || revenueReported != other.revenueReported;
    }
}
