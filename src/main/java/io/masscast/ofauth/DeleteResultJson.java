package io.masscast.ofauth;

import io.masscast.core.model.DeletedMessage;
import java.util.Optional;

/** OFAuth's answer to a DELETE: {@code success} and, usually, the message as it stood ({@code queue}). */
public record DeleteResultJson(Boolean success, MassMessageJson queue) {

    /** A 2xx without {@code success} counts as success; an explicit {@code false} is kept. */
    DeletedMessage toDeleted() {
        boolean deleted = success == null || success;
        boolean usableQueue =
                queue != null && queue.id() != null && (queue.date() != null || queue.createdAt() != null);
        return new DeletedMessage(deleted, usableQueue ? Optional.of(queue.toStats()) : Optional.empty());
    }
}
