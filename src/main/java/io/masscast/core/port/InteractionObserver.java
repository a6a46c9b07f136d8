package io.masscast.core.port;

import io.masscast.core.model.Platform;
import java.time.Duration;

/**
 * Hears how fast each chat interaction was acknowledged (platforms allow 3 seconds), for metrics. {@code kind} is the
 * platform's kind of interaction, in lower case ({@code command}, {@code block_action}, {@code view_submission}, ...).
 * Implementations must be quick and must not throw; {@link #NONE} ignores everything.
 */
public interface InteractionObserver {
    InteractionObserver NONE = (platform, kind, latency) -> {};

    void acknowledged(Platform platform, String kind, Duration latency);
}
