package io.masscast.core.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * Revenue per day over consecutive local days, one series per campaign (stacked on a chart): what a digest's
 * chart shows. Each series has one amount per day, in {@code currency}.
 */
public record RevenueChart(
        String title, String currency, String currencySymbol, List<LocalDate> days, List<Series> series) {

    /** One campaign's (or several small ones') revenue, day by day. */
    public record Series(String name, List<BigDecimal> amounts) {
        public Series {
            ChannelRef.requireText(name, "name");
            amounts = List.copyOf(amounts);
        }

        public BigDecimal total() {
            return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public RevenueChart {
        ChannelRef.requireText(title, "title");
        ChannelRef.requireText(currency, "currency");
        Objects.requireNonNull(currencySymbol, "currencySymbol");
        days = List.copyOf(days);
        if (days.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one day");
        }
        series = List.copyOf(series);
        for (Series s : series) {
            if (s.amounts().size() != days.size()) {
                throw new IllegalArgumentException(
                        "series " + s.name() + " has " + s.amounts().size() + " amounts for " + days.size() + " days");
            }
        }
    }

    /** All series added up, day by day. */
    public List<BigDecimal> dailyTotals() {
        return IntStream.range(0, days.size())
                .mapToObj(i -> series.stream().map(s -> s.amounts().get(i)).reduce(BigDecimal.ZERO, BigDecimal::add))
                .toList();
    }
}
