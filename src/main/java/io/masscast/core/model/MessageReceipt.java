package io.masscast.core.model;

import java.time.Instant;
import java.util.Objects;

/**
 * OFAuth's answer to a create or replace: the mass message id and its delivery flags.
 * {@code unsendSeconds} is how long a sent message can still be pulled back (0 when unknown);
 * {@code total} is how many fans it goes to, or -1 when OFAuth does not say (yet, for a scheduled one).
 */
public record MessageReceipt(
        long id,
        Instant date,
        boolean done,
        boolean canUnsend,
        long unsendSeconds,
        boolean hasError,
        boolean canceled,
        long total) {
    public MessageReceipt {
        Objects.requireNonNull(date, "date");
        total = Math.max(-1, total);
    }

    /** A receipt that does not say how many fans the message goes to. */
    public MessageReceipt(
            long id,
            Instant date,
            boolean done,
            boolean canUnsend,
            long unsendSeconds,
            boolean hasError,
            boolean canceled) {
        this(id, date, done, canUnsend, unsendSeconds, hasError, canceled, -1);
    }

    public boolean totalKnown() {
        return total >= 0;
    }
}
