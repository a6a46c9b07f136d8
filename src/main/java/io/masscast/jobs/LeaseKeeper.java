package io.masscast.jobs;

import io.masscast.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The leases this process holds, kept alive while it works: every third of the lease time its own thread
 * renews them all, so a lease can be short (seconds) and the work of a crashed process is taken over that
 * quickly; {@link #close()} gives them all up, so after a clean stop nobody waits at all. A lease that
 * another process took over meanwhile is dropped (its work is theirs now).
 */
public final class LeaseKeeper implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(LeaseKeeper.class);

    private final Transactor transactor;
    private final Clock clock;
    private final String owner;
    private final Duration ttl;
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "masscast-leases");
        thread.setDaemon(true);
        return thread;
    });
    private boolean started;

    public LeaseKeeper(Transactor transactor, Clock clock, String owner, Duration ttl) {
        this.transactor = transactor;
        this.clock = clock;
        this.owner = owner;
        this.ttl = ttl;
    }

    public String owner() {
        return owner;
    }

    /** How long a lease lasts without renewal. */
    public Duration ttl() {
        return ttl;
    }

    /** Starts renewing on the keeper's own thread (never behind busy job threads). */
    @SuppressWarnings("FutureReturnValueIgnored") // the task handles its own failures
    public synchronized void start() {
        if (!started) {
            started = true;
            long every = Math.max(1, ttl.toMillis() / 3);
            renewer.scheduleWithFixedDelay(this::renewAll, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /** Takes (or keeps) the lease {@code name} and holds it from now on; false if another process holds it. */
    public boolean acquire(String name) {
        boolean acquired =
                transactor.inTransaction(stores -> stores.leases().acquire(name, owner, clock.instant(), ttl));
        if (acquired) {
            held.add(name);
        } else {
            held.remove(name);
        }
        return acquired;
    }

    /** Holds a lease this process has just taken elsewhere (in the transaction of a claim). */
    public void hold(String name) {
        held.add(name);
    }

    /** Gives the lease up: others may take it at once. */
    public void release(String name) {
        held.remove(name);
        transactor.inTransaction(stores -> {
            stores.leases().release(name, owner);
            return null;
        });
    }

    public boolean holds(String name) {
        return held.contains(name);
    }

    /** Renews every lease held; one that is no longer ours is dropped. Failures wait for the next round. */
    public void renewAll() {
        for (String name : List.copyOf(held)) {
            try {
                boolean renewed =
                        transactor.inTransaction(stores -> stores.leases().renew(name, owner, clock.instant(), ttl));
                if (!renewed && held.remove(name)) {
                    LOG.warn("Lease {} was taken over by another process; {} no longer holds it", name, owner);
                }
            } catch (RuntimeException e) {
                LOG.warn(
                        "Could not renew lease {} ({}); trying again in {} ms",
                        name,
                        e.getClass().getSimpleName(),
                        ttl.toMillis() / 3);
            }
        }
    }

    /** Stops renewing and gives up every lease still held, so others take the work over at once. */
    @Override
    public void close() {
        renewer.shutdownNow();
        try {
            renewer.awaitTermination(ttl.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (String name : List.copyOf(held)) {
            try {
                release(name);
            } catch (RuntimeException e) {
                LOG.warn(
                        "Could not give up lease {} ({}); it lapses in {} ms",
                        name,
                        e.getClass().getSimpleName(),
                        ttl.toMillis());
            }
        }
    }
}
