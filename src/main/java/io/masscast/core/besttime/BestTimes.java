package io.masscast.core.besttime;

import io.masscast.core.model.Binding;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The hours of the week that brought a creator the most purchases per recipient, and what that rests on.
 * {@code slots} are every hour with data, in week order; {@code top} the best of them, best first, and empty
 * when the history is too short to tell ({@link #enough()}).
 */
public record BestTimes(Binding binding, Instant at, History history, List<SlotFigures> slots, List<SlotFigures> top) {

    /**
     * The campaigns the estimate rests on: PPV campaigns of the creator whose first 24 hours are over, within the
     * history read; {@code since} is when the first of them went out.
     */
    public record History(int campaigns, long recipients, long purchases, int weeks, Optional<Instant> since) {
        public History {
            Objects.requireNonNull(since, "since");
        }
    }

    public BestTimes {
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(history, "history");
        slots = List.copyOf(slots);
        top = List.copyOf(top);
    }

    /** Whether there is history enough to name the best hours. */
    public boolean enough() {
        return !top.isEmpty();
    }
}
