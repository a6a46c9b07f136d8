package io.masscast.core.port;

import java.time.Instant;

/**
 * The signatures of requests already accepted, each remembered until it could no longer be replayed, so that a
 * captured request sent again is refused (Slack's replay guard). Replicas behind one load balancer must share this
 * memory, or a request replayed to another replica would pass.
 */
public interface SeenRequests {

    /**
     * Remembers {@code signature} until {@code until}. True the first time; false while it is remembered (a replay).
     * A signature whose memory expired before {@code now} counts as new.
     */
    boolean firstSeen(String signature, Instant now, Instant until);
}
