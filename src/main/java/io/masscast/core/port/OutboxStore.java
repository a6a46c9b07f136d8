package io.masscast.core.port;

import io.masscast.core.model.ChatImage;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.Platform;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Notifications waiting to be delivered to chat (transactional outbox). */
public interface OutboxStore {

    /** Stores the entry (its id, attempts and attempt mark are ignored: assigned, 0 and none). */
    void enqueue(OutboxEntry entry);

    /** Stores an entry that posts an image ({@link OutboxEntry.Kind#CHANNEL_IMAGE}) with the image. */
    void enqueue(OutboxEntry entry, ChatImage image);

    /** The image an entry posts, if it has one and is still waiting. */
    Optional<ChatImage> image(long entryId);

    /** Every entry still to deliver to channels of {@code platform}, due or not, oldest first. */
    List<OutboxEntry> pending(Platform platform, int limit);

    /** Whether any entry, of any platform, waits to be delivered. */
    boolean hasPending();

    void delivered(long entryId);

    /**
     * Sets the entry's idempotency mark before a post that must not be repeated. False if the entry is
     * gone or already marked: an earlier attempt may have posted it.
     */
    boolean markAttempt(long entryId, Instant at);

    /**
     * Counts a failed attempt and postpones the entry. The attempt mark is cleared: the caller knows the
     * failed attempt posted nothing.
     */
    void retryLater(long entryId, Instant dueAt, String error);
}
