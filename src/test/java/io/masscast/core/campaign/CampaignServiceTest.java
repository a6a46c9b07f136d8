package io.masscast.core.campaign;

import static io.masscast.core.model.CampaignState.APPROVED;
import static io.masscast.core.model.CampaignState.CANCELLED;
import static io.masscast.core.model.CampaignState.EXPIRED;
import static io.masscast.core.model.CampaignState.IN_DOUBT;
import static io.masscast.core.model.CampaignState.PENDING_APPROVAL;
import static io.masscast.core.model.CampaignState.REJECTED;
import static io.masscast.core.model.CampaignState.SCHEDULED;
import static io.masscast.core.model.CampaignState.SENT;
import static io.masscast.core.model.CampaignState.UNSENT;
import static io.masscast.testing.CampaignTestData.ALICE;
import static io.masscast.testing.CampaignTestData.BOB;
import static io.masscast.testing.CampaignTestData.CAROL;
import static io.masscast.testing.CampaignTestData.CHANNEL;
import static io.masscast.testing.CampaignTestData.draft;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.core.model.Actor;
import io.masscast.core.model.AuditEvent;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.MessageReceipt;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.Platform;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import io.masscast.core.policy.Permissions;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingOfAuthGateway;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CampaignServiceTest {
    private static final Actor ADMIN = Actor.of("root", "Root");

    private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    private final InMemoryStores stores = new InMemoryStores();
    private final RecordingOfAuthGateway ofauth = new RecordingOfAuthGateway();
    private final Permissions permissions = new Permissions(Set.of("root"));
    private final CampaignService campaigns = new CampaignService(stores, ofauth, permissions, clock);
    private final SubmissionService submissions = new SubmissionService(stores, clock);
    private final BindingService bindings = new BindingService(stores, permissions);

    @BeforeEach
    void bindChannel() {
        bindings.bind(ADMIN, CampaignTestData.binding());
    }

    private Campaign composed() {
        return campaigns.compose(CHANNEL, ALICE, draft().build()).campaign();
    }

    private Campaign scheduled() {
        Campaign campaign = campaigns
                .compose(CHANNEL, ALICE, draft().at("2026-03-21T20:00").build())
                .campaign();
        campaigns.approve(campaign.id(), BOB, campaign.fingerprint());
        submissions.claim(campaign.id(), "worker", Duration.ofMinutes(2));
        submissions.markRequestStarted(campaign.id(), "worker", Duration.ofMinutes(2));
        return submissions.recordAccepted(campaign.id(), "worker", receipt(3409917724L, false));
    }

    private Campaign sent() {
        Campaign campaign = composed();
        campaigns.approve(campaign.id(), BOB, campaign.fingerprint());
        submissions.claim(campaign.id(), "worker", Duration.ofMinutes(2));
        submissions.markRequestStarted(campaign.id(), "worker", Duration.ofMinutes(2));
        return submissions.recordAccepted(campaign.id(), "worker", receipt(3409917725L, true));
    }

    /** Claimed, its create sent, and OFAuth's answer lost. */
    private void putInDoubt(Campaign campaign) {
        assertThat(submissions.claim(campaign.id(), "w", Duration.ofMinutes(1)))
                .as("claimed")
                .isPresent();
        submissions.markRequestStarted(campaign.id(), "w", Duration.ofMinutes(1));
        submissions.settleFailure(
                campaign.id(),
                "w",
                SubmissionKind.CREATE,
                new OfAuthFailure.NetworkError("read timed out", true, null));
    }

    private MessageReceipt receipt(long id, boolean done) {
        return new MessageReceipt(id, clock.instant(), done, true, 600, false, false);
    }

    private List<AuditEvent> audit(Campaign campaign) {
        return stores.auditLog().stream()
                .filter(e -> e.campaignId() == campaign.id())
                .toList();
    }

    @Test
    void composeStoresAPendingCampaignWithAHumanIdAnAuditEventAndACard() {
        Campaign campaign = composed();

        assertThat(campaign.humanId()).isEqualTo("MC-1");
        assertThat(campaign.state()).isEqualTo(PENDING_APPROVAL);
        assertThat(campaign.connectionId()).isEqualTo("conn_demo");
        assertThat(campaign.fingerprint())
                .isEqualTo(Fingerprint.of("conn_demo", campaign.content(), campaign.audience(), Optional.empty()));
        assertThat(audit(campaign)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo("compose");
            assertThat(e.actorId()).isEqualTo("alice");
            assertThat(e.from()).isEmpty();
            assertThat(e.to()).isEqualTo(PENDING_APPROVAL);
        });
        assertThat(stores.pendingOutbox()).extracting(OutboxEntry::kind).containsExactly(OutboxEntry.Kind.CARD);
    }

    @Test
    void humanIdsCountPerWorkspace() {
        composed();
        assertThat(campaigns
                        .compose(CHANNEL, ALICE, draft().text("Another set").build())
                        .campaign()
                        .humanId())
                .isEqualTo("MC-2");

        ChannelRef elsewhere = new ChannelRef(Platform.SHELL, "other-agency", "mila");
        bindings.bind(
                ADMIN,
                new io.masscast.core.model.Binding(
                        elsewhere,
                        "conn_demo2",
                        "Ava",
                        CampaignTestData.BERLIN,
                        Set.of("bob"),
                        BindingPolicy.defaults()));
        assertThat(campaigns
                        .compose(elsewhere, ALICE, draft().build())
                        .campaign()
                        .humanId())
                .isEqualTo("MC-1");
    }

    @Test
    void composeInAnUnboundChannelSaysHowToBindIt() {
        ChannelRef unbound = new ChannelRef(Platform.SHELL, "agency", "nobody");

        assertThatThrownBy(() -> campaigns.compose(unbound, ALICE, draft().build()))
                .isInstanceOf(CampaignException.NotBound.class)
                .hasMessageContaining("/masscast bind");
    }

    @Test
    void composeRefusesAPolicyViolationWithFieldErrorsAndStoresNothing() {
        assertThatThrownBy(() -> campaigns.compose(
                        CHANNEL, ALICE, draft().lists().price("1").build()))
                .isInstanceOfSatisfying(
                        CampaignException.PolicyViolation.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly(Fields.PRICE, Fields.LISTS));
        assertThat(stores.auditLog()).isEmpty();
        assertThat(stores.pendingOutbox()).isEmpty();
    }

    @Test
    void theRequesterMayNotApproveTheirOwnCampaignByDefault() {
        bindings.update(ADMIN, CHANNEL, b -> b.withApprovers(Set.of("alice", "bob")));
        Campaign campaign = composed();

        assertThatThrownBy(() -> campaigns.approve(campaign.id(), ALICE, campaign.fingerprint()))
                .isInstanceOf(CampaignException.NotPermitted.class)
                .hasMessageContaining("doesn't allow approving your own campaigns");
        assertThat(campaigns.find(campaign.id()))
                .get()
                .extracting(Campaign::state)
                .isEqualTo(PENDING_APPROVAL);
    }

    @Test
    void selfApprovalWorksWhenThePolicyAllowsIt() {
        bindings.update(
                ADMIN,
                CHANNEL,
                b -> b.withApprovers(Set.of("alice"))
                        .withPolicy(new BindingPolicy(1, true, Optional.empty(), Duration.ZERO, Optional.empty())));
        Campaign campaign = composed();

        assertThat(campaigns
                        .approve(campaign.id(), ALICE, campaign.fingerprint())
                        .campaign()
                        .state())
                .isEqualTo(APPROVED);
    }

    @Test
    void onlyApproversMayApprove() {
        Campaign campaign = composed();
        Actor eve = Actor.of("eve", "Eve");

        assertThatThrownBy(() -> campaigns.approve(campaign.id(), eve, campaign.fingerprint()))
                .isInstanceOf(CampaignException.NotPermitted.class)
                .hasMessageContaining("not an approver");
    }

    @Test
    void anApproverCanBeNamedThroughAGroup() {
        bindings.update(ADMIN, CHANNEL, b -> b.withApprovers(Set.of(Actor.groupRef("S0APPROVERS"))));
        Campaign campaign = composed();
        Actor member = new Actor("erin", "Erin", Set.of("S0APPROVERS"));
        Actor outsider = new Actor("frank", "Frank", Set.of("S0OTHERS"));
        Actor namedLikeTheGroup = Actor.of("S0APPROVERS", "a person whose id is the group's");

        assertThatThrownBy(() -> campaigns.approve(campaign.id(), outsider, campaign.fingerprint()))
                .isInstanceOf(CampaignException.NotPermitted.class)
                .hasMessageContaining("not an approver");
        assertThatThrownBy(() -> campaigns.approve(campaign.id(), namedLikeTheGroup, campaign.fingerprint()))
                .isInstanceOf(CampaignException.NotPermitted.class)
                .hasMessageContaining("not an approver");
        assertThat(campaigns
                        .approve(campaign.id(), member, campaign.fingerprint())
                        .complete())
                .isTrue();
    }

    @Test
    void aChannelWithoutApproversSaysHowToSetThem() {
        bindings.update(ADMIN, CHANNEL, b -> b.withApprovers(Set.of()));
        Campaign campaign = composed();

        assertThatThrownBy(() -> campaigns.approve(campaign.id(), BOB, campaign.fingerprint()))
                .hasMessageContaining("/masscast policy approvers=");
    }

    @Test
    void oneApprovalCompletesTheDefaultPolicy() {
        Campaign campaign = composed();

        CampaignService.Approved result = campaigns.approve(campaign.id(), BOB, campaign.fingerprint());

        assertThat(result.complete()).isTrue();
        assertThat(result.campaign().state()).isEqualTo(APPROVED);
        assertThat(audit(campaign)).last().satisfies(e -> {
            assertThat(e.action()).isEqualTo("approve");
            assertThat(e.from()).contains(PENDING_APPROVAL);
            assertThat(e.to()).isEqualTo(APPROVED);
            assertThat(e.detail()).isEqualTo("approval 1 of 1");
        });
    }

    @Test
    void twoRequiredApprovalsNeedTwoDistinctApprovers() {
        bindings.update(
                ADMIN,
                CHANNEL,
                b -> b.withPolicy(new BindingPolicy(2, false, Optional.empty(), Duration.ZERO, Optional.empty())));
        Campaign campaign = composed();

        CampaignService.Approved first = campaigns.approve(campaign.id(), BOB, campaign.fingerprint());
        assertThat(first.complete()).isFalse();
        assertThat(first.campaign().state()).isEqualTo(PENDING_APPROVAL);

        assertThatThrownBy(() -> campaigns.approve(campaign.id(), BOB, campaign.fingerprint()))
                .isInstanceOf(CampaignException.AlreadyDecided.class)
                .hasMessageContaining("You already approved MC-1")
                .hasMessageContaining("1 other approver");

        CampaignService.Approved second = campaigns.approve(campaign.id(), CAROL, campaign.fingerprint());
        assertThat(second.complete()).isTrue();
        assertThat(second.approvals()).extracting(a -> a.approverId()).containsExactly("bob", "carol");
    }

    @Test
    void aLateClickLearnsWhoApprovedFirst() {
        Campaign campaign = composed();
        campaigns.approve(campaign.id(), BOB, campaign.fingerprint());

        assertThatThrownBy(() -> campaigns.approve(campaign.id(), CAROL, campaign.fingerprint()))
                .isInstanceOf(CampaignException.AlreadyDecided.class)
                .hasMessage("MC-1 was already approved by " + Mention.of("bob") + ".");
    }

    @Test
    void aLateClickWithTwoRequiredApprovalsNamesEveryApprover() {
        bindings.update(
                ADMIN,
                CHANNEL,
                b -> b.withPolicy(new BindingPolicy(2, false, Optional.empty(), Duration.ZERO, Optional.empty())));
        Campaign campaign = composed();
        campaigns.approve(campaign.id(), BOB, campaign.fingerprint());
        campaigns.approve(campaign.id(), CAROL, campaign.fingerprint());

        assertThatThrownBy(() -> campaigns.approve(campaign.id(), ADMIN, campaign.fingerprint()))
                .isInstanceOf(CampaignException.AlreadyDecided.class)
                .hasMessage("MC-1 was already approved by " + Mention.of("bob") + " and " + Mention.of("carol") + ".");
    }

    @Test
    void aRejectReasonIsBoundedAndHasNoControlOrOnlyInvisibleCharacters() {
        Campaign campaign = composed();

        for (String reason : List.of(
                "x".repeat(1_000_001), "too \u001B[31mred", "nul\u0000", "\u200B\uFEFF\u00A0", "\u2800\u3164")) {
            assertThatThrownBy(() -> campaigns.reject(campaign.id(), BOB, reason))
                    .isInstanceOfSatisfying(CampaignException.PolicyViolation.class, e -> {
                        assertThat(e.errors()).extracting(FieldError::field).containsExactly(CampaignService.REASON);
                        assertThat(e.getMessage()).hasSizeLessThan(300);
                    });
        }
        assertThat(campaigns.find(campaign.id()).orElseThrow().state()).isEqualTo(PENDING_APPROVAL);
        assertThat(campaigns
                        .reject(campaign.id(), BOB, "Too pricey.\n\tTry 9.99 instead")
                        .note())
                .contains("Too pricey.\n\tTry 9.99 instead");
    }

    @Test
    void aClickOnACardOfASentCampaignSaysWhereItStands() {
        Campaign campaign = sent();

        assertThatThrownBy(() -> campaigns.approve(campaign.id(), CAROL, campaign.fingerprint()))
                .hasMessage("MC-1 was already approved by " + Mention.of("bob") + "; it is now sent.");
    }

    @Test
    void anApprovalOfAnOlderVersionIsRefused() {
        Campaign campaign = composed();
        campaigns.edit(campaign.id(), ALICE, draft().text("Changed text").build());

        assertThatThrownBy(() -> campaigns.approve(campaign.id(), BOB, campaign.fingerprint()))
                .isInstanceOf(CampaignException.Stale.class)
                .hasMessageContaining("changed after the version you approved");
    }

    @Test
    void approvalChecksTheSendPolicyAgain() {
        Campaign campaign = campaigns
                .compose(CHANNEL, ALICE, draft().at("2026-03-20T11:10").build())
                .campaign();
        clock.advance(Duration.ofMinutes(9).plusSeconds(30));

        assertThatThrownBy(() -> campaigns.approve(campaign.id(), BOB, campaign.fingerprint()))
                .isInstanceOfSatisfying(
                        CampaignException.PolicyViolation.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly(Fields.AT));
    }

    @Test
    void editByTheRequesterClearsApprovalsAndStaysPending() {
        bindings.update(
                ADMIN,
                CHANNEL,
                b -> b.withPolicy(new BindingPolicy(2, false, Optional.empty(), Duration.ZERO, Optional.empty())));
        Campaign campaign = composed();
        campaigns.approve(campaign.id(), BOB, campaign.fingerprint());

        Campaign edited = campaigns
                .edit(campaign.id(), ALICE, draft().price("15").build())
                .campaign();

        assertThat(edited.state()).isEqualTo(PENDING_APPROVAL);
        assertThat(edited.fingerprint()).isNotEqualTo(campaign.fingerprint());
        assertThat(campaigns.approvals(edited)).isEmpty();
        assertThat(campaigns.approve(edited.id(), BOB, edited.fingerprint()).complete())
                .isFalse();
    }

    @Test
    void onlyTheRequesterMayEdit() {
        Campaign campaign = composed();

        assertThatThrownBy(() -> campaigns.edit(
                        campaign.id(), BOB, draft().text("mine now").build()))
                .isInstanceOf(CampaignException.NotPermitted.class)
                .hasMessageContaining("Only the requester, " + Mention.of("alice"));
    }

    @Test
    void anEditThatChangesNothingSaysSo() {
        Campaign campaign = composed();

        CampaignService.Composed result = campaigns.edit(campaign.id(), ALICE, draft().build());

        assertThat(result.notes()).containsExactly("Nothing changed: MC-1 stays as it was.");
        assertThat(result.campaign().version()).isEqualTo(campaign.version());
    }

    @Test
    void editingAScheduledCampaignNeedsReapprovalAndWarnsThatTheOldVersionStaysScheduled() {
        Campaign campaign = scheduled();

        Campaign edited = campaigns
                .edit(
                        campaign.id(),
                        ALICE,
                        draft().text("Better text").at("2026-03-21T21:00").build())
                .campaign();

        assertThat(edited.state()).isEqualTo(PENDING_APPROVAL);
        assertThat(edited.ofauthMessageId()).contains(3409917724L);
        assertThat(stores.pendingOutbox())
                .filteredOn(e -> e.kind() == OutboxEntry.Kind.THREAD_NOTE)
                .extracting(OutboxEntry::text)
                .anySatisfy(text -> assertThat(text).contains("stays scheduled at OFAuth until this edit is approved"));
    }

    @Test
    void editingASentCampaignIsAnIllegalTransition() {
        Campaign campaign = sent();

        assertThatThrownBy(() -> campaigns.edit(
                        campaign.id(), ALICE, draft().text("too late").build()))
                .isInstanceOf(CampaignException.IllegalTransition.class)
                .hasMessage("MC-1 is sent, so it can't be edited.");
    }

    @Test
    void rejectNeedsAReasonAndAnApprover() {
        Campaign campaign = composed();

        assertThatThrownBy(() -> campaigns.reject(campaign.id(), BOB, " "))
                .isInstanceOf(CampaignException.PolicyViolation.class)
                .hasMessageContaining("Say why");
        assertThatThrownBy(() -> campaigns.reject(campaign.id(), ALICE, "nah"))
                .isInstanceOf(CampaignException.NotPermitted.class)
                .hasMessageContaining("cancel it instead");

        Campaign rejected = campaigns.reject(campaign.id(), BOB, "Price too high for this list");

        assertThat(rejected.state()).isEqualTo(REJECTED);
        assertThat(rejected.note()).contains("Price too high for this list");
        assertThatThrownBy(() -> campaigns.approve(campaign.id(), CAROL, campaign.fingerprint()))
                .hasMessage("MC-1 was already rejected by " + Mention.of("bob") + ".");
    }

    @Test
    void cancellingAPendingCampaignNeedsNoOfAuthCall() {
        Campaign campaign = composed();

        assertThat(campaigns.cancel(campaign.id(), ALICE).state()).isEqualTo(CANCELLED);
        assertThat(ofauth.deleted()).isEmpty();
    }

    @Test
    void onlyTheRequesterOrAnAdminMayCancel() {
        Campaign campaign = composed();

        assertThatThrownBy(() -> campaigns.cancel(campaign.id(), BOB))
                .isInstanceOf(CampaignException.NotPermitted.class);
        assertThat(campaigns.cancel(campaign.id(), ADMIN).state()).isEqualTo(CANCELLED);
    }

    @Test
    void cancellingAScheduledCampaignDeletesItAtOfAuthFirst() {
        Campaign campaign = scheduled();

        Campaign cancelled = campaigns.cancel(campaign.id(), ALICE);

        assertThat(ofauth.deleted()).containsExactly(3409917724L);
        assertThat(cancelled.state()).isEqualTo(CANCELLED);
        assertThat(audit(campaign))
                .last()
                .extracting(AuditEvent::detail)
                .asString()
                .contains("deleted at OFAuth");
    }

    @Test
    void whenOfAuthRefusesTheCancelNothingChanges() {
        Campaign campaign = scheduled();
        ofauth.failNextDelete(new OfAuthFailure.InvalidRequest("message already sent", Optional.empty()));

        assertThatThrownBy(() -> campaigns.cancel(campaign.id(), ALICE))
                .isInstanceOf(CampaignException.OfAuthRefused.class)
                .hasMessageContaining("message already sent")
                .hasMessageContaining("Nothing changed");
        assertThat(campaigns.find(campaign.id()))
                .get()
                .extracting(Campaign::state)
                .isEqualTo(SCHEDULED);
    }

    @Test
    void aScheduledMessageOfAuthNoLongerHasCountsAsCancelled() {
        Campaign campaign = scheduled();
        ofauth.failNextDelete(new OfAuthFailure.NotFound("no such message", Optional.empty()));

        assertThat(campaigns.cancel(campaign.id(), ALICE).state()).isEqualTo(CANCELLED);
    }

    @Test
    void aSentCampaignCannotBeCancelledButCanBeUnsentWithAWarningAboutBuyers() {
        Campaign campaign = sent();
        assertThatThrownBy(() -> campaigns.cancel(campaign.id(), ALICE))
                .isInstanceOf(CampaignException.IllegalTransition.class);

        Campaign unsent = campaigns.unsend(campaign.id(), BOB);

        assertThat(unsent.state()).isEqualTo(UNSENT);
        assertThat(ofauth.deleted()).containsExactly(3409917725L);
        assertThat(stores.pendingOutbox())
                .extracting(OutboxEntry::text)
                .anySatisfy(text -> assertThat(text).contains("already bought it keep access"));
    }

    @Test
    void unsendIsRefusedOnceTheWindowHasClosed() {
        Campaign campaign = sent();
        clock.advance(Duration.ofMinutes(11));

        assertThatThrownBy(() -> campaigns.unsend(campaign.id(), ALICE))
                .isInstanceOf(CampaignException.IllegalTransition.class)
                .hasMessageContaining("unsend window closed");
        assertThat(ofauth.deleted()).isEmpty();
    }

    @Test
    void pendingCampaignsExpireWhenTheirSendTimePasses() {
        Campaign later = campaigns
                .compose(CHANNEL, ALICE, draft().at("2026-03-20T12:00").build())
                .campaign();
        Campaign now = composed();
        clock.set(Instant.parse("2026-03-20T11:00:00Z"));

        List<Campaign> expired = campaigns.expireOverdue(100);

        assertThat(expired).extracting(Campaign::id).containsExactly(later.id());
        assertThat(campaigns.find(later.id())).get().extracting(Campaign::state).isEqualTo(EXPIRED);
        assertThat(campaigns.find(now.id())).get().extracting(Campaign::state).isEqualTo(PENDING_APPROVAL);
        assertThatThrownBy(() -> campaigns.approve(later.id(), BOB, later.fingerprint()))
                .hasMessage("MC-1 expired: its send time passed before it was approved.");
    }

    @Test
    void aPersonDecidesAnInDoubtSend() {
        Campaign first = composed();
        campaigns.approve(first.id(), BOB, first.fingerprint());
        putInDoubt(first);

        assertThatThrownBy(() -> campaigns.sendAgain(first.id(), ALICE))
                .isInstanceOf(CampaignException.NotPermitted.class);
        Campaign again = campaigns.sendAgain(first.id(), BOB);
        assertThat(again.state()).isEqualTo(APPROVED);
        assertThat(again.requestStartedAt()).isEmpty();

        putInDoubt(first);
        assertThat(campaigns.confirmSent(first.id(), ADMIN).state()).isEqualTo(SENT);
        assertThat(campaigns.find(first.id())).get().extracting(Campaign::state).isNotEqualTo(IN_DOUBT);
    }

    @Test
    void everyTransitionIsAudited() {
        Campaign campaign = scheduled();
        campaigns.cancel(campaign.id(), ALICE);

        assertThat(audit(campaign))
                .extracting(AuditEvent::action)
                .containsExactly("compose", "approve", "claim", "record_accepted", "cancel");
        assertThat(audit(campaign))
                .filteredOn(e -> e.action().equals("record_accepted"))
                .singleElement()
                .satisfies(e -> assertThat(e.ofauthMessageId()).contains(3409917724L));
    }
}
