package io.masscast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.Lease;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Short leases that live as long as their process works on them, and go when it stops. */
class LeaseKeeperTest {
    private static final Duration TTL = Duration.ofSeconds(10);

    private final InMemoryStores stores = new InMemoryStores();
    private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    private final LeaseKeeper mine = new LeaseKeeper(stores, clock, "replica-a", TTL);
    private final LeaseKeeper theirs = new LeaseKeeper(stores, clock, "replica-b", TTL);

    @Test
    void aLeaseRenewedWhileWorkingOutlivesItsTime() {
        assertThat(mine.acquire("job:outbox")).isTrue();

        for (int i = 0; i < 10; i++) {
            clock.advance(TTL.dividedBy(3));
            mine.renewAll();
        }

        assertThat(theirs.acquire("job:outbox")).isFalse();
        assertThat(mine.holds("job:outbox")).isTrue();
    }

    @Test
    void theLeaseOfACrashedProcessIsFreeOneLeaseTimeLater() {
        mine.acquire("job:outbox");

        clock.advance(TTL.minusMillis(1));
        assertThat(theirs.acquire("job:outbox")).isFalse();
        clock.advance(Duration.ofMillis(1));
        assertThat(theirs.acquire("job:outbox")).isTrue();
    }

    @Test
    void aCleanStopGivesEveryLeaseUpAtOnce() {
        mine.acquire("job:outbox");
        mine.acquire("job:reconciler");

        mine.close();

        assertThat(theirs.acquire("job:outbox")).isTrue();
        assertThat(theirs.acquire("job:reconciler")).isTrue();
    }

    @Test
    void aLeaseTakenOverIsDroppedAndNotTakenBack() {
        mine.acquire("job:outbox");
        clock.advance(TTL);
        theirs.acquire("job:outbox");

        mine.renewAll();

        assertThat(mine.holds("job:outbox")).isFalse();
        assertThat(stores.inTransaction(s -> s.leases().find("job:outbox"))
                        .orElseThrow()
                        .owner())
                .isEqualTo("replica-b");
    }

    @Test
    void givingUpALeaseOfAnotherProcessLeavesItAlone() {
        theirs.acquire("job:outbox");

        mine.release("job:outbox");

        Optional<Lease> lease = stores.inTransaction(s -> s.leases().find("job:outbox"));
        assertThat(lease).isPresent();
    }
}
