package io.masscast.simulator;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/** Faults waiting to be applied; the first added fault that matches a request is used and counted down. */
public final class FaultInjector {
    private final List<Pending> pending = new ArrayList<>();

    public synchronized void add(Fault fault) {
        pending.add(new Pending(fault));
    }

    public synchronized void clear() {
        pending.clear();
    }

    /** Faults not yet used up, with their remaining {@code times}. */
    public synchronized List<Fault> active() {
        return pending.stream().map(p -> p.fault.withTimes(p.remaining)).toList();
    }

    synchronized Optional<Fault> take(String method, String path) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending candidate = it.next();
            if (candidate.fault.matches(method, path)) {
                if (--candidate.remaining == 0) {
                    it.remove();
                }
                return Optional.of(candidate.fault);
            }
        }
        return Optional.empty();
    }

    private static final class Pending {
        private final Fault fault;
        private int remaining;

        Pending(Fault fault) {
            this.fault = fault;
            this.remaining = fault.times();
        }
    }
}
