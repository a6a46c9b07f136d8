package io.masscast.core.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Objects;

/**
 * When a draft asks to be sent: a wall-clock time in the creator's zone, as someone typed it (the send policy
 * turns it into an instant, and says so when the clocks make it ambiguous), or an exact instant, as a date-time
 * picker gives it or a campaign being edited already has it.
 */
public sealed interface SendTime {

    record Local(LocalDateTime at) implements SendTime {
        public Local {
            Objects.requireNonNull(at, "at");
        }
    }

    record Exact(Instant at) implements SendTime {
        public Exact {
            Objects.requireNonNull(at, "at");
        }
    }

    static SendTime local(LocalDateTime at) {
        return new Local(at);
    }

    static SendTime exact(Instant at) {
        return new Exact(at);
    }
}
