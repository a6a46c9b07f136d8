package io.masscast.core.model;

import java.util.Objects;
import java.util.Optional;

/** OFAuth's answer to a delete: whether it worked and, when given, the message as it stood. */
public record DeletedMessage(boolean success, Optional<SentMessageStats> message) {
    public DeletedMessage {
        Objects.requireNonNull(message, "message");
    }
}
