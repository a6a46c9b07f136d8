package io.masscast.jobs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each job on its own thread: a tick, then a pause of the job's interval, which a wake-up for the work the
 * job does ({@link Job#wakesOn()}, signalled through {@link JobWakeups}) cuts short. A job's ticks never overlap;
 * wake-ups during a tick make one more tick right after it. Every tick is wrapped in a catch-all: background work
 * must outlive a bad tick. While jobs run, their leases are renewed; a stop lets running ticks finish and then
 * gives every lease up.
 */
public final class JobRuntime implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobRuntime.class);

    /** How long an interrupted tick gets to give its work back. */
    private static final Duration AFTER_INTERRUPT = Duration.ofSeconds(2);

    private final LeaseKeeper leases;
    private final JobWakeups wakeups;
    private final List<Loop> loops = new ArrayList<>();

    public JobRuntime(LeaseKeeper leases, JobWakeups wakeups) {
        this.leases = leases;
        this.wakeups = wakeups;
    }

    public synchronized void start(Job job) {
        leases.start();
        Loop loop = new Loop(job);
        loops.add(loop);
        job.wakesOn().forEach(work -> wakeups.listen(work, loop::wake));
        loop.thread.start();
        LOG.info(
                "Started job {} every {} ms{}",
                job.name(),
                job.interval().toMillis(),
                job.wakesOn().isEmpty() ? "" : " and on new " + job.wakesOn());
    }

    /** Runs one tick now, on the caller's thread (tests, and the shell draining work before it exits). */
    public static void runGuarded(Job job) {
        try {
            job.tick();
        } catch (RuntimeException | Error e) {
            if (Thread.currentThread().isInterrupted()) {
                // only a stop interrupts a tick (after its grace): the work it left is taken up again at the next
                // start or by another replica, so this is no failure to alert on
                LOG.warn("Job {} was interrupted by the stop in the middle of a tick: {}", job.name(), e.toString());
            } else {
                LOG.error("Job {} failed; it runs again at its next interval", job.name(), e);
            }
        }
    }

    /**
     * Stops the jobs, waits for running ticks to finish (at most {@code grace}; their claims stay renewed meanwhile),
     * then gives up every lease so that another process takes the work over at once.
     */
    public void stop(Duration grace) {
        try {
            stopTicks(grace);
        } finally {
            leases.close();
        }
    }

    /**
     * Stops the jobs and asks every running tick to finish the item at hand and take no more ({@link Job#stopping}),
     * then waits for them, at most {@code grace}; a tick still running then is interrupted (a send waiting for the
     * rate limit gives its campaign back) and gets a little longer to end. The leases stay held and renewed, for a last
     * delivery of the outbox; {@link #stop} or {@link #close} gives them up.
     */
    public void stopTicks(Duration grace) {
        List<Loop> stopping;
        synchronized (this) {
            stopping = List.copyOf(loops);
        }
        stopping.forEach(Loop::stop);
        stopping.forEach(loop -> loop.job.stopping());
        long deadline = System.nanoTime() + grace.toNanos();
        try {
            for (Loop loop : stopping) {
                loop.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
                if (loop.thread.isAlive()) {
                    LOG.warn("Job {} still running after {} s; interrupting it", loop.job.name(), grace.toSeconds());
                    loop.thread.interrupt();
                    loop.thread.join(AFTER_INTERRUPT.toMillis());
                    if (loop.thread.isAlive()) {
                        LOG.error("Job {} still running after being interrupted; leaving it", loop.job.name());
                    }
                }
            }
        } catch (InterruptedException e) {
            stopping.forEach(loop -> loop.thread.interrupt());
            Thread.currentThread().interrupt();
        }
    }

    public synchronized List<Job> jobs() {
        return loops.stream().map(loop -> loop.job).toList();
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(10));
    }

    /** One job's thread. */
    private static final class Loop {
        private final Job job;
        private final Thread thread;
        private boolean woken; // guarded by this
        private boolean stopped; // guarded by this

        Loop(Job job) {
            this.job = job;
            this.thread = new Thread(this::run, "masscast-job-" + job.name());
            thread.setDaemon(true);
        }

        private void run() {
            try {
                do {
                    runGuarded(job);
                } while (nextTurn());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stopped: the thread ends
            }
        }

        /** Waits for the interval to pass or a wake-up; false once stopped. */
        private synchronized boolean nextTurn() throws InterruptedException {
            long deadline = System.nanoTime() + job.interval().toNanos();
            for (long left = job.interval().toNanos();
                    !woken && !stopped && left > 0;
                    left = deadline - System.nanoTime()) {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
            woken = false; // the next tick reads whatever was committed up to now
            return !stopped;
        }

        synchronized void wake() {
            woken = true;
            notifyAll();
        }

        synchronized void stop() {
            stopped = true;
            notifyAll();
        }
    }
}
