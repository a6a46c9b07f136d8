package io.masscast.app;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A clean stop when the JVM is asked to exit (SIGTERM from Docker or Kubernetes, Ctrl-C), bounded: should the stop
 * take longer than {@link #HALT_AFTER}, the process halts anyway (exit status 1), so it is gone within the 30 seconds
 * an orchestrator waits before it kills. After a clean stop the process exits with status 0 (the JVM alone would exit
 * with 128 + the signal, 143 for SIGTERM, which scripts and restart policies read as a failure); after a stop that
 * failed, with 1.
 */
final class ShutdownHook {
    private static final Logger LOG = LoggerFactory.getLogger(ShutdownHook.class);
    /** Within Kubernetes' default grace period of 30 s, with a margin for the JVM's own exit. */
    static final Duration HALT_AFTER = Duration.ofSeconds(28);

    private ShutdownHook() {}

    /** Runs {@code stop} when the JVM exits; returns the hook, for {@link #remove} when the stop ran another way. */
    static Thread install(String what, Runnable stop) {
        Thread hook = new Thread(
                () -> {
                    Thread watchdog = new Thread(
                            () -> {
                                try {
                                    Thread.sleep(HALT_AFTER.toMillis());
                                    LOG.error("{} did not stop within {} s; halting", what, HALT_AFTER.toSeconds());
                                    Runtime.getRuntime().halt(1);
                                } catch (InterruptedException stoppedInTime) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "masscast-shutdown-watchdog");
                    watchdog.setDaemon(true);
                    watchdog.start();
                    long start = System.nanoTime();
                    int status = 1;
                    try {
                        stop.run();
                        LOG.info(
                                "{} stopped in {} ms",
                                what,
                                Duration.ofNanos(System.nanoTime() - start).toMillis());
                        status = 0;
                    } catch (RuntimeException | Error e) {
                        LOG.error("{} did not stop cleanly", what, e);
                    } finally {
                        watchdog.interrupt();
                    }
                    // the stop is done and the hook is the last of masscast's work: end with the status it earned
                    Runtime.getRuntime().halt(status);
                },
                "masscast-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Takes the hook back after a stop that ran another way (the terminal's end of input); harmless during exit. */
    static void remove(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException exiting) {
            // the JVM is exiting: the hook runs, and the stop it makes is idempotent
        }
    }
}
