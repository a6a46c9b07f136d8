package io.masscast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

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
        try (JobRuntime runtime = new JobRuntime(1, new LeaseKeeper(new InMemoryStores(), Clock.systemUTC(), "replica-a", Duration.ofSeconds(10)))) {
            runtime.start(failing);

            assertThat(thirdRun.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(runs.get()).isGreaterThanOrEqualTo(3);
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
        JobRuntime runtime = new JobRuntime(1, new LeaseKeeper(new InMemoryStores(), Clock.systemUTC(), "replica-a", Duration.ofSeconds(10)));
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
        JobRuntime runtime = new JobRuntime(1, leases);
        new SingletonWork(leases).runIfHolder("outbox", () -> { });
        SingletonWork other = new SingletonWork(new LeaseKeeper(stores, clock, "replica-b", Duration.ofSeconds(10)));
        assertThat(other.runIfHolder("outbox", () -> { })).isFalse();

        runtime.stop(Duration.ofSeconds(1));

        assertThat(other.runIfHolder("outbox", () -> { })).isTrue();
    }
}
