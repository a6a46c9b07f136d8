package io.masscast.jobs;

/**
 * Lets one replica at a time do a job's tick: the tick runs only while this process holds the job's
 * database lease. Once taken, the lease is kept by the {@link LeaseKeeper} between ticks too, so the same
 * replica goes on doing the job; others take it over once it lapses (a crash) or is given up (a clean stop).
 */
public final class SingletonWork {
    private final LeaseKeeper leases;

    public SingletonWork(LeaseKeeper leases) {
        this.leases = leases;
    }

    public LeaseKeeper leases() {
        return leases;
    }

    /**
     * Runs {@code work} if this process can take the lease of {@code name}, then gives the lease up, so whichever
     * replica comes next may take the next turn (the lease is renewed meanwhile, and lapses if this process dies).
     * Returns whether it ran.
     */
    public boolean runExclusively(String name, Runnable work) {
        String lease = "job:" + name;
        if (!leases.acquire(lease)) {
            return false;
        }
        try {
            work.run();
        } finally {
            leases.release(lease);
        }
        return true;
    }

    /** Runs {@code work} if this process holds (or can take) the lease of job {@code name}; returns whether it ran. */
    public boolean runIfHolder(String name, Runnable work) {
        boolean held = leases.acquire("job:" + name);
        if (held) {
            work.run();
        }
        return held;
    }
}
