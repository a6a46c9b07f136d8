package io.masscast.adapter.common;

import io.masscast.core.port.SeenRequests;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** Signatures seen, in this process's memory: enough for a single process; expired ones are swept now and then. */
public final class LocalSeenRequests implements SeenRequests {
    private static final Duration SWEEP_EVERY = Duration.ofSeconds(30);

    private final Map<String, Instant> seenUntil = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextSweep = new AtomicReference<>(Instant.MIN);

    @Override
    public boolean firstSeen(String signature, Instant now, Instant until) {
        sweep(now);
        Instant[] previous = new Instant[1];
        seenUntil.compute(signature, (key, remembered) -> {
            previous[0] = remembered;
            return remembered != null && !remembered.isBefore(now) ? remembered : until;
        });
        return previous[0] == null || previous[0].isBefore(now);
    }

    private void sweep(Instant now) {
        Instant due = nextSweep.get();
        if (now.isAfter(due) && nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY))) {
            seenUntil.values().removeIf(until -> until.isBefore(now));
        }
    }
}
