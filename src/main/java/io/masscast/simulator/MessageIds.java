package io.masscast.simulator;

import java.util.concurrent.atomic.AtomicLong;

/** Mass-message ids: large, increasing, with irregular gaps like OnlyFans' own. Shared by all accounts. */
final class MessageIds {
    private final AtomicLong last;

    MessageIds(long start) {
        this.last = new AtomicLong(start);
    }

    long next() {
        return last.updateAndGet(previous -> previous + 1 + Math.floorMod(Hashes.mix(previous), 97));
    }
}
