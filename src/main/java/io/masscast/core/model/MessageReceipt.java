package io.masscast.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * OFAuth's answer to a create or replace: the mass message id and its delivery flags.
 * {@code unsendSeconds} is how long a sent message can still be pulled back (0 when unknown).
 */
public record MessageReceipt(
        long id,
        Instant date,
        boolean done,
        boolean canUnsend,
        long unsendSeconds,
        boolean hasError,
        boolean canceled) {
    public MessageReceipt {
        Objects.requireNonNull(date, "date");
    }
}
