package io.masscast.adapter.common;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat adapter's worker threads. Slack and Discord both want every interaction answered within 3 seconds, so
 * listeners hand anything that may be slow (OFAuth, the database) to these threads and wait only as long as the
 * ack allows. Every task has a catch-all that logs what it was doing (ids only: no tokens, no message text).
 */
public final class BackgroundWork {
    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWork.class);

    private final String adapter;
    private final ExecutorService executor;

    /** {@code adapter} names the threads ({@code masscast-slack-1}) and the log lines. */
    public BackgroundWork(String adapter, int threads) {
        this.adapter = adapter;
        AtomicInteger next = new AtomicInteger(1);
        this.executor = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "masscast-" + adapter + "-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts {@code work}; a failure is logged with {@code what} and completes the future exceptionally. */
    public <T> CompletableFuture<T> submit(String what, Supplier<T> work) {
        return CompletableFuture.supplyAsync(work, executor).whenComplete((result, failure) -> {
            if (failure != null) {
                LOG.error("{} adapter: {} failed", adapter, what, unwrap(failure));
            }
        });
    }

    /** Runs {@code work} later; a failure is only logged. */
    public void run(String what, Runnable work) {
        executor.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("{} adapter: {} failed", adapter, what, e);
            }
        });
    }

    /**
     * The result if {@code future} completes within {@code budget}, else empty (it keeps running). A failure is
     * rethrown as it was thrown.
     */
    public static <T> Optional<T> await(CompletableFuture<T> future, Duration budget) {
        try {
            return Optional.ofNullable(future.get(budget.toMillis(), TimeUnit.MILLISECONDS));
        } catch (TimeoutException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (ExecutionException e) {
            Throwable cause = unwrap(e);
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    public void shutdown() {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
