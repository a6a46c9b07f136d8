package io.masscast.core.port;

import io.masscast.core.model.ChannelRef;
import java.time.Instant;

/** Daily digests claimed, so that each channel's period is posted once across replicas and restarts. */
public interface DigestStore {

    /** What became of a claimed period. */
    enum Outcome {
        /** Its digest was queued for the channel in the claiming transaction. */
        POSTED,
        /** Its day was over before masscast could post it. */
        SKIPPED
    }

    /** Claims the channel's period for {@code by}; false if it was claimed before, by anyone. */
    boolean claim(ChannelRef channel, String period, Outcome outcome, Instant at, String by);

    boolean isClaimed(ChannelRef channel, String period);

    /** Whether any period of the channel was claimed: masscast has known the channel's digest before. */
    boolean anyClaimed(ChannelRef channel);
}
