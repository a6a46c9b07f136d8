package io.masscast.jobs;

import java.time.Duration;

/**
 * A job that one replica at a time runs: each tick first takes (or keeps) the job's database lease, which the
 * {@link LeaseKeeper} renews while this process lives and gives up when it stops, so another replica carries on
 * within one lease time of a crash.
 */
abstract class SingletonJob implements Job {
    private final String name;
    private final Duration interval;
    private final SingletonWork singleton;

    SingletonJob(String name, Duration interval, SingletonWork singleton) {
        this.name = name;
        this.interval = interval;
        this.singleton = singleton;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Duration interval() {
        return interval;
    }

    @Override
    public final void tick() {
        singleton.runIfHolder(name, this::work);
    }

    /** The tick's work, run only while this process holds the lease. */
    protected abstract void work();
}
