package io.masscast.core.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One mass message as OFAuth's GET returns it (no delivery counters there). */
public record MessageDetails(
        long id, String text, boolean free, Optional<BigDecimal> price, int mediaCount, Optional<Instant> createdAt) {
    public MessageDetails {
        text = text == null ? "" : text;
        Objects.requireNonNull(price, "price");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
