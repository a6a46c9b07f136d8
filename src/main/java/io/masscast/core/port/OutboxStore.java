package io.masscast.core.port;

import io.masscast.core.model.OutboxEntry;
import java.time.Instant;
import java.util.List;

/** Notifications waiting to be delivered to chat (transactional outbox). */
public interface OutboxStore {

    /** Stores the entry (its id is ignored and assigned). */
    void enqueue(OutboxEntry entry);

    /** Entries due at {@code now}, oldest first. */
    List<OutboxEntry> due(Instant now, int limit);

    void delivered(long entryId);

    /** Counts a failed attempt and postpones the entry. */
    void retryLater(long entryId, Instant dueAt, String error);
}
