package io.masscast.core.model;

import java.util.Objects;

/** OFAuth's mass-message chart: messages and purchases, for group (mass) and direct messages. */
public record MessageChart(
        ChartSeries groupMessages,
        ChartSeries groupPurchases,
        ChartSeries directMessages,
        ChartSeries directPurchases) {
    public MessageChart {
        Objects.requireNonNull(groupMessages, "groupMessages");
        Objects.requireNonNull(groupPurchases, "groupPurchases");
        Objects.requireNonNull(directMessages, "directMessages");
        Objects.requireNonNull(directPurchases, "directPurchases");
    }
}
