package io.masscast.core.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** What masscast asks OFAuth to send: content, audience and an optional scheduled instant. */
public record MassMessage(MessageContent content, Audience audience, Optional<Instant> scheduledAt) {
    public MassMessage {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(audience, "audience");
        Objects.requireNonNull(scheduledAt, "scheduledAt");
    }
}
