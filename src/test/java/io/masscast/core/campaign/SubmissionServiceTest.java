package io.masscast.core.campaign;

import static io.masscast.core.model.CampaignState.APPROVED;
import static io.masscast.core.model.CampaignState.FAILED;
import static io.masscast.core.model.CampaignState.IN_DOUBT;
import static io.masscast.core.model.CampaignState.SCHEDULED;
import static io.masscast.core.model.CampaignState.SENDING;
import static io.masscast.core.model.CampaignState.SENT;
import static io.masscast.core.model.CampaignState.SUBMITTING;
import static io.masscast.testing.CampaignTestData.ALICE;
import static io.masscast.testing.CampaignTestData.BOB;
import static io.masscast.testing.CampaignTestData.CHANNEL;
import static io.masscast.testing.CampaignTestData.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.MessageReceipt;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.policy.Permissions;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingOfAuthGateway;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubmissionServiceTest {
    private static final Duration TTL = Duration.ofMinutes(2);

    private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    private final InMemoryStores stores = new InMemoryStores();
    private final CampaignService campaigns =
            new CampaignService(stores, new RecordingOfAuthGateway(), new Permissions(Set.of("root")), clock);
    private final SubmissionService submissions = new SubmissionService(stores, clock);

    private Campaign approved(CampaignDraft draft) {
        new BindingService(stores, new Permissions(Set.of("root"))).bind(Actor.of("root", "Root"), CampaignTestData.binding());
        Campaign campaign = campaigns.compose(CHANNEL, ALICE, draft).campaign();
        return campaigns.approve(campaign.id(), BOB, campaign.fingerprint()).campaign();
    }

    private MessageReceipt receipt(boolean done) {
        return new MessageReceipt(3409917724L, Instant.parse("2026-03-20T10:00:02Z"), done, true, 600, false, false);
    }

    @Test
    void anApprovedCampaignIsClaimedOnceWithALease() {
        Campaign campaign = approved(draft().build());

        assertThat(submissions.approved(10)).extracting(Campaign::id).containsExactly(campaign.id());
        Optional<Campaign> claimed = submissions.claim(campaign.id(), "replica-a", TTL);

        assertThat(claimed).get().extracting(Campaign::state).isEqualTo(SUBMITTING);
        assertThat(submissions.claim(campaign.id(), "replica-b", TTL)).isEmpty();
        assertThat(submissions.approved(10)).isEmpty();
    }

    @Test
    void aCampaignThatIsNotApprovedCannotBeClaimed() {
        new BindingService(stores, new Permissions(Set.of("root"))).bind(Actor.of("root", "Root"), CampaignTestData.binding());
        Campaign pending = campaigns.compose(CHANNEL, ALICE, draft().build()).campaign();

        assertThat(submissions.claim(pending.id(), "replica-a", TTL)).isEmpty();
    }

    @Test
    void theRequestStartIsRecordedBeforeTheRequestLeaves() {
        Campaign campaign = approved(draft().build());
        submissions.claim(campaign.id(), "w", TTL);

        Campaign started = submissions.markRequestStarted(campaign.id());

        assertThat(started.requestStartedAt()).contains(clock.instant());
        assertThat(started.state()).isEqualTo(SUBMITTING);
    }

    @Test
    void markingTheRequestStartOfAnUnclaimedCampaignIsRefused() {
        Campaign campaign = approved(draft().build());

        assertThatThrownBy(() -> submissions.markRequestStarted(campaign.id()))
                .isInstanceOf(CampaignException.IllegalTransition.class);
    }

    @Test
    void anAcceptedImmediateSendIsSendingOrSentWithItsOfAuthId() {
        Campaign first = approved(draft().build());
        submissions.claim(first.id(), "w", TTL);

        Campaign sending = submissions.recordAccepted(first.id(), receipt(false));

        assertThat(sending.state()).isEqualTo(SENDING);
        assertThat(sending.ofauthMessageId()).contains(3409917724L);
        assertThat(sending.sentAt()).contains(Instant.parse("2026-03-20T10:00:02Z"));
        assertThat(sending.unsendableUntil()).contains(clock.instant().plusSeconds(600));
    }

    @Test
    void anAcceptedFutureSendIsScheduled() {
        Campaign campaign = approved(draft().at("2026-03-21T20:00").build());
        submissions.claim(campaign.id(), "w", TTL);

        Campaign scheduled = submissions.recordAccepted(campaign.id(), receipt(false));

        assertThat(scheduled.state()).isEqualTo(SCHEDULED);
        assertThat(scheduled.sentAt()).isEmpty();
    }

    @Test
    void aRefusalFailsTheCampaignWithOfAuthsReasonInTheThread() {
        Campaign campaign = approved(draft().build());
        submissions.claim(campaign.id(), "w", TTL);

        Campaign failed = submissions.recordRefused(campaign.id(), "price must be at least 3");

        assertThat(failed.state()).isEqualTo(FAILED);
        assertThat(failed.note()).contains("price must be at least 3");
        assertThat(stores.pendingOutbox()).extracting(OutboxEntry::text)
                .contains("OFAuth refused MC-1: price must be at least 3. Nothing was sent. Fix it and compose it again.");
    }

    @Test
    void anUnknownOutcomePutsTheCampaignInDoubtAndALateAnswerSettlesIt() {
        Campaign campaign = approved(draft().build());
        submissions.claim(campaign.id(), "w", TTL);

        Campaign doubtful = submissions.markInDoubt(campaign.id(), "the connection dropped before OFAuth answered");
        assertThat(doubtful.state()).isEqualTo(IN_DOUBT);
        assertThat(submissions.inDoubt(10)).extracting(Campaign::id).containsExactly(campaign.id());

        assertThat(submissions.recordAccepted(campaign.id(), receipt(true)).state()).isEqualTo(SENT);
    }

    @Test
    void aRequestThatNeverLeftGoesBackToTheQueue() {
        Campaign campaign = approved(draft().build());
        submissions.claim(campaign.id(), "w", TTL);

        Campaign released = submissions.release(campaign.id(), "connection refused");

        assertThat(released.state()).isEqualTo(APPROVED);
        assertThat(released.requestStartedAt()).isEmpty();
    }

    @Test
    void theReconcilerAdoptsTheMessageItFound() {
        Campaign campaign = approved(draft().build());
        submissions.claim(campaign.id(), "w", TTL);
        submissions.markInDoubt(campaign.id(), "timeout");
        SentMessageStats found = new SentMessageStats(77L, Instant.parse("2026-03-20T10:00:01Z"), "New set is up 🔥",
                120, 30, 2, new BigDecimal("12.50"), Optional.empty(), 2, false, true, 500);

        Campaign adopted = submissions.adopt(campaign.id(), found);

        assertThat(adopted.state()).as("delivered to some fans is not delivered: the poller tells when it is done")
                .isEqualTo(SENDING);
        assertThat(adopted.ofauthMessageId()).contains(77L);
    }

    @Test
    void anAcceptedMessageRecordsHowManyFansOfAuthSaidItGoesTo() {
        Campaign campaign = approved(draft().build());
        submissions.claim(campaign.id(), "w", TTL);

        submissions.recordAccepted(campaign.id(), new MessageReceipt(3409917724L, Instant.parse("2026-03-20T10:00:02Z"),
                false, true, 600, false, false, 2412));

        Optional<CampaignStats> stats = stores.inTransaction(s -> s.stats().find(campaign.id()));
        assertThat(stats.flatMap(CampaignStats::recipients)).contains(2412L);
    }

    @Test
    void aClaimWhoseLeaseExpiredIsReportedAsAbandoned() {
        Campaign campaign = approved(draft().build());
        submissions.claim(campaign.id(), "crashed-replica", TTL);
        assertThat(submissions.abandonedSubmissions(10)).isEmpty();

        clock.advance(TTL.plusSeconds(1));

        assertThat(submissions.abandonedSubmissions(10)).extracting(Campaign::id).containsExactly(campaign.id());
    }
}
