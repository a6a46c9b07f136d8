package io.masscast.simulator;

import java.time.Instant;

/**
 * A fan of one creator.
 *
 * @param avatar    avatar URL or null
 * @param expiredAt when the subscription ended, or null while it is active
 */
record Fan(
        long id,
        String username,
        String name,
        boolean verified,
        String avatar,
        Instant subscribedAt,
        Instant expiredAt,
        double subscriptionPrice) {

    boolean active() {
        return expiredAt == null;
    }
}
