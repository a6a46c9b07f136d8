package io.masscast.core.model;

import java.util.List;
import java.util.Objects;

/**
 * Every mass message OFAuth's sent analytics list within a time window. {@code complete} is false when
 * OFAuth held more in some second than one page shows, so messages of that second may be missing.
 */
public record SentWindow(List<SentMessageStats> messages, boolean complete) {
    public SentWindow {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
    }
}
