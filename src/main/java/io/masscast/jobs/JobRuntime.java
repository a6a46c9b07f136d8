package io.masscast.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs jobs with a fixed delay on their own threads. Every tick is wrapped in a catch-all: a scheduled
 * task that throws is never run again by the JDK, and background work must outlive a bad tick. While jobs
 * run, their leases are renewed; a stop lets running ticks finish and then gives every lease up.
 */
public final class JobRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobRuntime.class);

    /** How long interrupted ticks get to give their work back. */
    private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(2);

    private final ScheduledExecutorService scheduler;
    private final LeaseKeeper leases;
    private final List<Job> jobs = new ArrayList<>();

    public JobRuntime(int threads, LeaseKeeper leases) {
        this.leases = leases;
        this.scheduler = Executors.newScheduledThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "masscast-job");
            thread.setDaemon(true);
            return thread;
        });
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the task handles its own failures
    public void start(Job job) {
        leases.start();
        jobs.add(job);
        long delay = job.interval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> runGuarded(job), 0, delay, TimeUnit.MILLISECONDS);
        LOG.info("Started job {} every {} ms", job.name(), delay);
    }

    /** Runs one tick now, on the caller's thread (tests, and the shell draining work before it exits). */
    public static void runGuarded(Job job) {
        try {
            job.tick();
        } catch (RuntimeException | Error e) {
            LOG.error("Job {} failed; it runs again at its next interval", job.name(), e);
        }
    }

    /**
     * Stops scheduling, waits for running ticks to finish (at most {@code grace}; their claims stay renewed
     * meanwhile), then gives up every lease so that another process takes the work over at once.
     */
    public void stop(Duration grace) {
        try {
            stopTicks(grace);
        } finally {
            leases.close();
        }
    }

    /**
     * Stops scheduling and asks every running tick to finish the item at hand and take no more ({@link Job#stopping}),
     * then waits for them, at most {@code grace}; a tick still running then is interrupted (a send waiting for the
     * rate limit gives its campaign back). The leases stay held and renewed, for a last delivery of the outbox;
     * {@link #stop} or {@link #close} gives them up.
     */
    public void stopTicks(Duration grace) {
        if (scheduler.isShutdown()) {
            return;
        }
        jobs.forEach(Job::stopping);
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Jobs still running after {} s; interrupting them", grace.toSeconds());
                scheduler.shutdownNow();
                if (!scheduler.awaitTermination(AFTER_INTERRUPT.toMillis(), TimeUnit.MILLISECONDS)) {
                    LOG.error("Jobs still running after being interrupted; leaving them");
                }
            }
        } catch (InterruptedException e) {
            scheduler.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    public List<Job> jobs() {
        return List.copyOf(jobs);
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }
}
