package io.masscast.ofauth;

import io.masscast.testing.MutableClock;

/** One process: each connection's bucket in memory. */
class InProcessRateLimiterTest extends ConnectionRateLimiterContractTest {

    @Override
    RateBudget budget(MutableClock clock) {
        return RateBudget.inProcess(clock);
    }
}
