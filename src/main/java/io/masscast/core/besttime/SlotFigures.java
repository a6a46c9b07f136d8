package io.masscast.core.besttime;

import java.util.Locale;
import java.util.Objects;

/**
 * What the campaigns sent in one hour of the week brought in their first 24 hours: how many campaigns, the fans
 * they reached, and the purchases those fans made.
 */
public record SlotFigures(WeekSlot slot, int campaigns, long recipients, long purchases) {
    public SlotFigures {
        Objects.requireNonNull(slot, "slot");
        if (campaigns < 1 || recipients < 1 || purchases < 0) {
            throw new IllegalArgumentException("a slot with data has a campaign, recipients and no negative purchases");
        }
    }

    /** Purchases per recipient, all the slot's campaigns pooled (so a large send weighs more than a small one). */
    public double rate() {
        return (double) purchases / recipients;
    }

    /** The rate in percent: {@code 0.62 %}. */
    public String percent() {
        return String.format(Locale.US, "%.2f %%", 100 * rate());
    }

    SlotFigures plus(long moreRecipients, long morePurchases) {
        return new SlotFigures(slot, campaigns + 1, recipients + moreRecipients, purchases + morePurchases);
    }
}
