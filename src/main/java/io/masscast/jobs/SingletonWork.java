package io.masscast.jobs;

import io.masscast.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;

/**
 * Lets one replica at a time do a job's tick: the tick runs only while this process holds the job's
 * database lease, which it keeps renewing while it is alive and which others take over once it expires.
 */
public final class SingletonWork {
    private final Transactor transactor;
    private final Clock clock;
    private final String owner;

    public SingletonWork(Transactor transactor, Clock clock, String owner) {
        this.transactor = transactor;
        this.clock = clock;
        this.owner = owner;
    }

    public String owner() {
        return owner;
    }

    /**
     * Runs {@code work} if this process can take the lease {@code name}, then gives the lease up, so whichever
     * replica comes next may take the next turn; {@code ttl} only matters if this process dies while working.
     * Returns whether it ran.
     */
    public boolean runExclusively(String name, Duration ttl, Runnable work) {
        String lease = "job:" + name;
        if (!transactor.inTransaction(stores -> stores.leases().acquire(lease, owner, clock.instant(), ttl))) {
            return false;
        }
        try {
            work.run();
        } finally {
            transactor.inTransaction(stores -> {
                stores.leases().release(lease, owner);
                return null;
            });
        }
        return true;
    }

    /** Runs {@code work} if this process holds (or can take) the lease {@code name}; returns whether it ran. */
    public boolean runIfHolder(String name, Duration ttl, Runnable work) {
        boolean held = transactor.inTransaction(stores -> stores.leases().acquire("job:" + name, owner, clock.instant(), ttl));
        if (held) {
            work.run();
        }
        return held;
    }
}
