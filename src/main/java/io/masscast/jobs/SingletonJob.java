package io.masscast.jobs;

import java.time.Duration;

/**
 * A job that one replica at a time runs: each tick first takes (or keeps) the job's database lease, which
 * lapses after three intervals if this process stops, so another replica carries on.
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
        singleton.runIfHolder(name, interval.multipliedBy(3).plusSeconds(10), this::work);
    }

    /** The tick's work, run only while this process holds the lease. */
    protected abstract void work();
}
