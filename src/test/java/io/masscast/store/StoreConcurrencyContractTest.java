package io.masscast.store;

import static io.masscast.store.StoreTestData.CHANNEL;
import static io.masscast.store.StoreTestData.T0;
import static io.masscast.store.StoreTestData.aCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.model.Approval;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Races that the database must decide: threads are released together by a barrier and each runs
 * its own transaction; no sleeps. Subclasses say which database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class StoreConcurrencyContractTest {

    private static final int CAMPAIGNS = 50;
    private static final int APPROVERS = 16;
    private static final int LEASE_ROUNDS = 50;
    private static final int LEASE_CONTENDERS = 8;
    private static final Duration TTL = Duration.ofMinutes(1);

    private ExecutorService threads;
    private DatabaseSettings config;
    private Database db;

    /** A new, empty database for one test. */
    protected abstract DatabaseSettings freshDatabase();

    @BeforeAll
    void startThreads() {
        threads = Executors.newFixedThreadPool(2 * APPROVERS);
    }

    @AfterAll
    void stopThreads() {
        threads.shutdownNow();
    }

    @BeforeEach
    void openDatabase() {
        config = freshDatabase();
        db = Database.open(config);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void ofSimultaneousApprovalsOfACampaignExactlyOneWinsAndOnlyItsApprovalIsKept() throws Exception {
        Map<Long, String> winners = new HashMap<>();
        // half the clicks reach another process on the same database (a second replica, or a second
        // process on the SQLite file: its read-then-write transactions must queue, not fail with SQLITE_BUSY)
        try (Database otherProcess = Database.open(config)) {
            List<Database> processes = List.of(db, otherProcess);
            for (int round = 0; round < CAMPAIGNS; round++) {
                long id = db.inTransaction(
                                stores -> stores.campaigns().insert(aCampaign().build()))
                        .id();

                List<Boolean> won = race(APPROVERS, i -> approve(processes.get(i % 2), id, "approver-" + i));

                assertThat(won).as("campaign %d", id).containsOnlyOnce(true);
                winners.put(id, "approver-" + won.indexOf(true));
            }
        }

        winners.forEach((id, winner) -> {
            Campaign campaign =
                    db.inTransaction(stores -> stores.campaigns().find(id)).orElseThrow();
            assertThat(campaign.state()).isEqualTo(CampaignState.APPROVED);
            assertThat(campaign.version()).isEqualTo(2);
            List<Approval> approvals =
                    db.inTransaction(stores -> stores.approvals().forCampaign(id, campaign.fingerprint()));
            assertThat(approvals).extracting(Approval::approverId).containsExactly(winner);
        });
    }

    @Test
    void simultaneousInsertsGetDistinctConsecutiveNumbersPerWorkspace() throws Exception {
        ChannelRef otherWorkspace = new ChannelRef(Platform.SLACK, "T-other", "C1");

        List<Campaign> inserted = race(
                2 * APPROVERS,
                i -> db.inTransaction(stores -> stores.campaigns()
                        .insert(aCampaign()
                                .in(i % 2 == 0 ? CHANNEL : otherWorkspace)
                                .build())));

        Integer[] oneToSixteen = IntStream.rangeClosed(1, APPROVERS).boxed().toArray(Integer[]::new);
        assertThat(numbersIn(inserted, CHANNEL)).containsExactlyInAnyOrder(oneToSixteen);
        assertThat(numbersIn(inserted, otherWorkspace)).containsExactlyInAnyOrder(oneToSixteen);
    }

    @Test
    void ofProcessesRacingForAFreeLeaseExactlyOneGetsIt() throws Exception {
        try (Database otherProcess = Database.open(config)) {
            List<Database> processes = List.of(db, otherProcess);
            for (int round = 0; round < LEASE_ROUNDS; round++) {
                String lease = "job-" + round;

                List<Boolean> acquired = race(
                        LEASE_CONTENDERS,
                        i -> processes
                                .get(i % 2)
                                .inTransaction(stores -> stores.leases().acquire(lease, "replica-" + i, T0, TTL)));

                assertThat(acquired).as(lease).containsOnlyOnce(true);
                assertThat(owner(lease)).isEqualTo("replica-" + acquired.indexOf(true));
            }
        }
    }

    @Test
    void ofProcessesRacingForAnExpiredLeaseExactlyOneTakesItOver() throws Exception {
        try (Database otherProcess = Database.open(config)) {
            List<Database> processes = List.of(db, otherProcess);
            Instant afterExpiry = T0.plus(TTL).plusMillis(1);
            for (int round = 0; round < LEASE_ROUNDS; round++) {
                String lease = "job-" + round;
                db.inTransaction(stores -> stores.leases().acquire(lease, "crashed-replica", T0, TTL));

                List<Boolean> acquired = race(
                        LEASE_CONTENDERS,
                        i -> processes
                                .get(i % 2)
                                .inTransaction(
                                        stores -> stores.leases().acquire(lease, "replica-" + i, afterExpiry, TTL)));

                assertThat(acquired).as(lease).containsOnlyOnce(true);
                assertThat(owner(lease)).isEqualTo("replica-" + acquired.indexOf(true));
            }
        }
    }

    /** One approver's click: read, approve, and move the campaign on if it is still pending. */
    private static boolean approve(Database process, long campaignId, String approver) {
        try {
            return process.inTransaction(stores -> {
                Campaign campaign = stores.campaigns().find(campaignId).orElseThrow();
                if (campaign.state() != CampaignState.PENDING_APPROVAL) {
                    throw new LostRace();
                }
                stores.approvals().add(new Approval(campaignId, approver, approver, campaign.fingerprint(), T0));
                if (stores.campaigns()
                        .update(campaign.change().state(CampaignState.APPROVED).apply(T0))
                        .isEmpty()) {
                    throw new LostRace();
                }
                return true;
            });
        } catch (LostRace lost) {
            return false;
        }
    }

    /** Runs the contenders at the same moment, each on its own thread, and returns their results in order. */
    private <T> List<T> race(int contenders, IntFunction<T> contender) throws Exception {
        CyclicBarrier start = new CyclicBarrier(contenders);
        List<Future<T>> results = IntStream.range(0, contenders)
                .mapToObj(i -> threads.submit(() -> {
                    start.await(30, TimeUnit.SECONDS);
                    return contender.apply(i);
                }))
                .toList();
        List<T> outcomes = new ArrayList<>();
        for (Future<T> result : results) {
            outcomes.add(result.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    private String owner(String lease) {
        return db.inTransaction(stores -> stores.leases().find(lease))
                .orElseThrow()
                .owner();
    }

    private static List<Integer> numbersIn(List<Campaign> campaigns, ChannelRef channel) {
        return campaigns.stream()
                .filter(c -> c.channel().equals(channel))
                .map(Campaign::number)
                .toList();
    }

    /** Thrown to roll back a click that lost. */
    private static final class LostRace extends RuntimeException {
        LostRace() {
            super("lost the race", null, false, false);
        }
    }
}
