package io.masscast.jobs;

import io.masscast.core.health.ConnectionHealthService;
import java.time.Duration;

/**
 * Probes the sessions of bound connections when their probe is due: on the slow schedule, and soon after an
 * OFAuth call answered that a session expired. One replica at a time.
 */
public final class ConnectionWatcherJob extends SingletonJob {
    private final ConnectionHealthService health;

    public ConnectionWatcherJob(ConnectionHealthService health, SingletonWork singleton, Duration interval) {
        super("connection-watcher", interval, singleton);
        this.health = health;
    }

    @Override
    protected void work() {
        health.probeDue();
    }
}
