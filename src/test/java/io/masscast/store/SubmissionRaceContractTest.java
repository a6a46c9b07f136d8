package io.masscast.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.campaign.ClaimLost;
import io.masscast.core.campaign.SubmissionService;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.policy.Permissions;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingOfAuthGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Replicas racing for one submission on a real database (several at once on PostgreSQL): of eight replicas
 * claiming one approved campaign exactly one gets it; and a slow replica starting its request at the moment
 * another one settles its lapsed claim either starts it (and the campaign stays claimed) or is refused (and the
 * campaign goes back to the queue) — never both, so a request that left is never put back in the queue; and of
 * eight replicas claiming eight campaigns that look the same in OFAuth's analytics, exactly one gets one.
 */
abstract class SubmissionRaceContractTest {
    private static final int ROUNDS = 25;
    private static final int REPLICAS = 8;
    private static final int LOOKALIKE_ROUNDS = 10;
    private static final Duration TTL = Duration.ofSeconds(10);

    protected abstract DatabaseSettings freshDatabase();

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-20T10:00:00Z"));

    @Test
    void ofEightReplicasClaimingOneCampaignExactlyOneGetsIt() throws Exception {
        try (Database database = Database.open(freshDatabase())) {
            CampaignService campaigns = campaigns(database);
            SubmissionService submissions = new SubmissionService(database, clock);
            ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    Campaign campaign = approved(campaigns, round);
                    List<Callable<Boolean>> claims = new ArrayList<>();
                    for (int r = 0; r < REPLICAS; r++) {
                        String owner = "replica-" + r;
                        claims.add(() ->
                                submissions.claim(campaign.id(), owner, TTL).isPresent());
                    }

                    List<Boolean> won = race(replicas, claims);

                    assertThat(won.stream().filter(Boolean::booleanValue)).hasSize(1);
                    assertThat(state(database, campaign)).isEqualTo(CampaignState.SUBMITTING);
                }
            } finally {
                replicas.shutdown();
            }
        }
    }

    @Test
    void ofEightReplicasClaimingEightCampaignsThatLookTheSameExactlyOneGetsOne() throws Exception {
        try (Database database = Database.open(freshDatabase())) {
            CampaignService campaigns = campaigns(database);
            SubmissionService submissions = new SubmissionService(database, clock);
            ExecutorService replicas = Executors.newFixedThreadPool(REPLICAS);
            try {
                for (int round = 0; round < LOOKALIKE_ROUNDS; round++) {
                    List<Callable<Boolean>> claims = new ArrayList<>();
                    for (int r = 0; r < REPLICAS; r++) {
                        // the same text and price to different lists: OFAuth's analytics can't tell these apart
                        Campaign lookalike = approved(
                                campaigns,
                                round,
                                List.of(
                                                "1187345",
                                                "fans",
                                                "1190022",
                                                "following",
                                                "recent",
                                                "muted",
                                                "expired",
                                                "1190023")
                                        .get(r));
                        String owner = "replica-" + r;
                        claims.add(() ->
                                submissions.claim(lookalike.id(), owner, TTL).isPresent());
                    }

                    List<Boolean> won = race(replicas, claims);

                    assertThat(won.stream().filter(Boolean::booleanValue))
                            .as("round %s", round)
                            .hasSize(1);
                }
            } finally {
                replicas.shutdown();
            }
        }
    }

    @Test
    void aRequestStartRacingTheSettlementOfItsLapsedClaimHasOneOutcome() throws Exception {
        try (Database database = Database.open(freshDatabase())) {
            CampaignService campaigns = campaigns(database);
            SubmissionService submissions = new SubmissionService(database, clock);
            ExecutorService replicas = Executors.newFixedThreadPool(2);
            int started = 0;
            int settled = 0;
            try {
                for (int round = 0; round < ROUNDS * 2; round++) {
                    Campaign campaign = approved(campaigns, round);
                    assertThat(submissions.claim(campaign.id(), "slow-replica", TTL))
                            .as("claimed")
                            .isPresent();
                    clock.advance(TTL.plusSeconds(1));

                    List<Boolean> outcome = race(
                            replicas,
                            List.of(
                                    () -> {
                                        try {
                                            submissions.markRequestStarted(campaign.id(), "slow-replica", TTL);
                                            return true;
                                        } catch (ClaimLost lost) {
                                            return false;
                                        }
                                    },
                                    () -> submissions
                                            .settleAbandoned(campaign.id(), "reconciler", TTL)
                                            .isPresent()));

                    Campaign after = database.inTransaction(s -> s.campaigns().find(campaign.id()))
                            .orElseThrow();
                    assertThat(outcome)
                            .as("round %s: exactly one of start and settle", round)
                            .containsOnlyOnce(true);
                    if (outcome.get(0)) {
                        started++;
                        assertThat(after.state()).isEqualTo(CampaignState.SUBMITTING);
                        assertThat(after.requestStartedAt()).isPresent();
                    } else {
                        settled++;
                        assertThat(after.state()).isEqualTo(CampaignState.APPROVED);
                        assertThat(after.requestStartedAt()).isEmpty();
                    }
                }
            } finally {
                replicas.shutdown();
            }
            assertThat(started + settled).isEqualTo(ROUNDS * 2);
        }
    }

    private CampaignService campaigns(Database database) {
        Permissions permissions = new Permissions(Set.of("root"));
        new BindingService(database, permissions).bind(Actor.of("root", "Root"), CampaignTestData.binding());
        return new CampaignService(database, new RecordingOfAuthGateway(), permissions, clock);
    }

    /** Each round its own text: the last round's campaign is still in flight, and a lookalike would wait for it. */
    private static Campaign approved(CampaignService campaigns, int round) {
        return approved(campaigns, round, "1187345");
    }

    private static Campaign approved(CampaignService campaigns, int round, String list) {
        Campaign campaign = campaigns
                .compose(
                        CampaignTestData.CHANNEL,
                        CampaignTestData.ALICE,
                        CampaignTestData.draft()
                                .text("Round " + round)
                                .lists(list)
                                .build(),
                        true)
                .campaign();
        return campaigns
                .approve(campaign.id(), CampaignTestData.BOB, campaign.fingerprint(), true)
                .campaign();
    }

    private static CampaignState state(Database database, Campaign campaign) {
        return database.inTransaction(s -> s.campaigns().find(campaign.id()))
                .map(Campaign::state)
                .orElseThrow();
    }

    /** Runs the calls at the same moment, one thread each; their answers in order. */
    private static <T> List<T> race(ExecutorService threads, List<Callable<T>> calls) throws Exception {
        CyclicBarrier together = new CyclicBarrier(calls.size());
        List<Future<T>> futures = new ArrayList<>();
        for (Callable<T> call : calls) {
            futures.add(threads.submit(() -> {
                together.await();
                return call.call();
            }));
        }
        List<T> answers = new ArrayList<>();
        for (Future<T> future : futures) {
            answers.add(future.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }
}
