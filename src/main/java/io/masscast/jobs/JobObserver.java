package io.masscast.jobs;

import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.Platform;
import java.time.Duration;

/**
 * What the background jobs report as they work, for metrics. Implementations must be quick and must not throw;
 * {@link #NONE} ignores everything.
 */
public interface JobObserver {
    JobObserver NONE = new JobObserver() {};

    /**
     * One stats poll cycle of a connection: how long it took, whether it completed (false: it ended early on an OFAuth
     * failure or a short budget), and the OFAuth calls of a completed cycle.
     */
    default void pollCycle(String connectionId, Duration took, boolean completed, int calls) {}

    /** The outbox showed a card, or posted a note, message or image (a digest), in a channel of {@code platform}. */
    default void delivered(Platform platform, OutboxEntry.Kind kind) {}
}
