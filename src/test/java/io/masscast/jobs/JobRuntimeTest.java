package io.masscast.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.masscast.core.port.WorkSignal.Work;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class JobRuntimeTest {

    @Test
    void aJobThatThrowsRunsAgainAtItsNextInterval() throws InterruptedException {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch thirdRun = new CountDownLatch(3);
        Job failing = new Job() {
            @Override
            public String name() {
                return "failing";
            }

            @Override
            public Duration interval() {
                return Duration.ofMillis(10);
            }

            @Override
            public void tick() {
                runs.incrementAndGet();
                thirdRun.countDown();
                throw new IllegalStateException("bad tick");
            }
        };
        try (JobRuntime runtime = new JobRuntime(
                new LeaseKeeper(new InMemoryStores(), Clock.systemUTC(), "replica-a", Duration.ofSeconds(10)),
                new JobWakeups())) {
            runtime.start(failing);

            assertThat(thirdRun.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(runs.get()).isGreaterThanOrEqualTo(3);
    }

    /** A job named {@code name} whose tick runs {@code body}, every 10 ms. */
    private static Job job(String name, Runnable body) {
        return new Job() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration interval() {
                return Duration.ofMillis(10);
            }

            @Override
            public void tick() {
                body.run();
            }
        };
    }

    @Test
    void aTickFailingBecauseTheStopInterruptedItIsAWarningNotAnError() {
        Logger logger = (Logger) LoggerFactory.getLogger(JobRuntime.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        try {
            JobRuntime.runGuarded(job("outbox", () -> {
                Thread.currentThread().interrupt(); // as stopTicks does after the grace
                throw new IllegalStateException("Interrupted during connection acquisition");
            }));
            boolean stillInterrupted = Thread.interrupted(); // and clears it for the next test
            JobRuntime.runGuarded(job("poller", () -> {
                throw new IllegalStateException("bad tick");
            }));

            assertThat(stillInterrupted).isTrue();
            assertThat(logged.list)
                    .extracting(ILoggingEvent::getLevel, ILoggingEvent::getFormattedMessage)
                    .containsExactly(
                            tuple(
                                    Level.WARN,
                                    "Job outbox was interrupted by the stop in the middle of a tick:"
                                            + " java.lang.IllegalStateException: Interrupted during connection acquisition"),
                            tuple(Level.ERROR, "Job poller failed; it runs again at its next interval"));
        } finally {
            logger.detachAppender(logged);
        }
    }

    @Test
    void stopWaitsForTheRunningTick() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicInteger finished = new AtomicInteger();
        Job slow = new Job() {
            @Override
            public String name() {
                return "slow";
            }

            @Override
            public Duration interval() {
                return Duration.ofHours(1);
            }

            @Override
            public void tick() {
                started.countDown();
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                finished.incrementAndGet();
            }
        };
        JobRuntime runtime = new JobRuntime(
                new LeaseKeeper(new InMemoryStores(), Clock.systemUTC(), "replica-a", Duration.ofSeconds(10)),
                new JobWakeups());
        runtime.start(slow);
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        runtime.stop(Duration.ofSeconds(10));

        assertThat(finished.get()).isEqualTo(1);
    }

    @Test
    void stopGivesUpTheLeasesOfItsJobsSoAnotherProcessTakesOverAtOnce() {
        InMemoryStores stores = new InMemoryStores();
        MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
        LeaseKeeper leases = new LeaseKeeper(stores, clock, "replica-a", Duration.ofSeconds(10));
        JobRuntime runtime = new JobRuntime(leases, new JobWakeups());
        new SingletonWork(leases).runIfHolder("outbox", () -> {});
        SingletonWork other = new SingletonWork(new LeaseKeeper(stores, clock, "replica-b", Duration.ofSeconds(10)));
        assertThat(other.runIfHolder("outbox", () -> {})).isFalse();

        runtime.stop(Duration.ofSeconds(1));

        assertThat(other.runIfHolder("outbox", () -> {})).isTrue();
    }

    @Test
    void committedWorkStartsATickOfTheJobThatDoesItBeforeItsIntervalIsOver() throws InterruptedException {
        JobWakeups wakeups = new JobWakeups();
        CountDownLatch firstTick = new CountDownLatch(1);
        CountDownLatch secondTick = new CountDownLatch(2);
        Job submitter = job("submitter", Set.of(Work.SUBMISSION), () -> {
            firstTick.countDown();
            secondTick.countDown();
        });
        try (JobRuntime runtime = new JobRuntime(leases(), wakeups)) {
            runtime.start(submitter);
            assertThat(firstTick.await(10, TimeUnit.SECONDS)).isTrue();

            wakeups.committed(Work.SUBMISSION);

            // the interval is an hour: only the signal can start the second tick
            assertThat(secondTick.await(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void aSignalDuringATickRunsOneMoreTickAfterItAndTicksNeverOverlap() throws InterruptedException {
        JobWakeups wakeups = new JobWakeups();
        CountDownLatch inFirstTick = new CountDownLatch(1);
        CountDownLatch signalSent = new CountDownLatch(1);
        CountDownLatch secondTick = new CountDownLatch(2);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Job outbox = job("outbox", Set.of(Work.OUTBOX), () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            inFirstTick.countDown();
            awaitQuietly(signalSent);
            running.decrementAndGet();
            secondTick.countDown();
        });
        try (JobRuntime runtime = new JobRuntime(leases(), wakeups)) {
            runtime.start(outbox);
            assertThat(inFirstTick.await(10, TimeUnit.SECONDS)).isTrue();

            wakeups.committed(Work.OUTBOX);
            wakeups.committed(Work.OUTBOX);
            signalSent.countDown();

            assertThat(secondTick.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(mostAtOnce.get()).isEqualTo(1);
    }

    @Test
    void aSignalReachesOnlyTheJobsThatDoThatWork() {
        JobWakeups wakeups = new JobWakeups();
        AtomicInteger outboxWakes = new AtomicInteger();
        AtomicInteger submitterWakes = new AtomicInteger();
        wakeups.listen(Work.OUTBOX, outboxWakes::incrementAndGet);
        wakeups.listen(Work.SUBMISSION, submitterWakes::incrementAndGet);

        wakeups.committed(Work.SUBMISSION);

        assertThat(submitterWakes.get()).isEqualTo(1);
        assertThat(outboxWakes.get()).isZero();
    }

    private static LeaseKeeper leases() {
        return new LeaseKeeper(new InMemoryStores(), Clock.systemUTC(), "replica-a", Duration.ofSeconds(10));
    }

    private static Job job(String name, Set<Work> wakesOn, Runnable tick) {
        return new Job() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public Duration interval() {
                return Duration.ofHours(1);
            }

            @Override
            public void tick() {
                tick.run();
            }

            @Override
            public Set<Work> wakesOn() {
                return wakesOn;
            }
        };
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
