package io.masscast.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignException;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.campaign.Mention;
import io.masscast.core.model.Actor;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.policy.Permissions;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.RecordingOfAuthGateway;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The approval race through the real campaign service on a real database: sixteen approvers click
 * "approve" on the same campaign at the same moment; exactly one completes it and every other one is
 * told who approved it. Run on SQLite and PostgreSQL, over many campaigns.
 */
abstract class ApprovalRaceContractTest {
    private static final int CAMPAIGNS = 40;
    private static final int CLICKS = 16;

    protected abstract DatabaseSettings freshDatabase();

    @Test
    void sixteenSimultaneousApprovalsCompleteEachCampaignExactlyOnce() throws Exception {
        Set<String> approvers = Set.copyOf(
                IntStream.range(0, CLICKS).mapToObj(i -> "approver" + i).toList());
        try (Database database = Database.open(freshDatabase())) {
            Permissions permissions = new Permissions(Set.of("root"));
            new BindingService(database, permissions)
                    .bind(
                            Actor.of("root", "Root"),
                            CampaignTestData.binding(BindingPolicy.defaults()
                                            .withRepeatWindow(Optional.empty())) // races, not repeats
                                    .withApprovers(approvers));
            CampaignService campaigns =
                    new CampaignService(database, new RecordingOfAuthGateway(), permissions, Clock.systemUTC());
            ExecutorService clickers = Executors.newFixedThreadPool(CLICKS);
            try {
                for (int round = 0; round < CAMPAIGNS; round++) {
                    Campaign campaign = campaigns
                            .compose(
                                    CampaignTestData.CHANNEL,
                                    CampaignTestData.ALICE,
                                    CampaignTestData.draft().build(),
                                    true)
                            .campaign();
                    List<String> answers = race(campaigns, campaign, clickers);

                    List<String> winners =
                            answers.stream().filter(a -> a.equals("approved")).toList();
                    assertThat(winners).hasSize(1);
                    String winner = campaigns
                            .approvals(campaigns.find(campaign.id()).orElseThrow())
                            .get(0)
                            .approverId();
                    assertThat(answers.stream().filter(a -> !a.equals("approved")))
                            .hasSize(CLICKS - 1)
                            .allSatisfy(a -> assertThat(a)
                                    .isEqualTo(campaign.humanId() + " was already approved by " + Mention.of(winner)
                                            + "."));
                    assertThat(campaigns.find(campaign.id()).orElseThrow().state())
                            .isEqualTo(CampaignState.APPROVED);
                    assertThat(campaigns.approvals(campaign)).hasSize(1);
                }
            } finally {
                clickers.shutdown();
            }
        }
    }

    private static List<String> race(CampaignService campaigns, Campaign campaign, ExecutorService clickers)
            throws Exception {
        CyclicBarrier together = new CyclicBarrier(CLICKS);
        List<Future<String>> clicks = new ArrayList<>();
        for (int i = 0; i < CLICKS; i++) {
            Actor approver = Actor.of("approver" + i, "Approver " + i);
            clicks.add(clickers.submit(() -> {
                together.await();
                try {
                    campaigns.approve(campaign.id(), approver, campaign.fingerprint());
                    return "approved";
                } catch (CampaignException.AlreadyDecided e) {
                    return e.getMessage();
                }
            }));
        }
        List<String> answers = new ArrayList<>();
        for (Future<String> click : clicks) {
            answers.add(click.get(30, TimeUnit.SECONDS));
        }
        return answers;
    }
}
