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

import io.masscast.core.campaign.SubmissionService.Reconciliation;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.Lease;
import io.masscast.core.model.MessageReceipt;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.model.SentWindow;
import io.masscast.core.policy.Permissions;
import io.masscast.core.port.CampaignStore;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.Stores;
import io.masscast.core.port.Transactor;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingOfAuthGateway;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubmissionServiceTest {
    private static final Duration TTL = Duration.ofSeconds(10);

    private static OfAuthFailure serverError() {
        return new OfAuthFailure.ServerError("HTTP 503", 503, Optional.empty());
    }

    private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    private final InMemoryStores stores = new InMemoryStores();
    private final CampaignService campaigns =
            new CampaignService(stores, new RecordingOfAuthGateway(), new Permissions(Set.of("root")), clock);
    private final SubmissionService submissions = new SubmissionService(stores, clock);

    private Campaign approved(CampaignDraft draft) {
        new BindingService(stores, new Permissions(Set.of("root")))
                .bind(Actor.of("root", "Root"), CampaignTestData.binding());
        // the same content again and again on purpose: twins and repeats confirmed
        Campaign campaign = campaigns.compose(CHANNEL, ALICE, draft, true).campaign();
        return campaigns
                .approve(campaign.id(), BOB, campaign.fingerprint(), true)
                .campaign();
    }

    /** Claimed by {@code owner}, its request started now. */
    private Campaign started(CampaignDraft draft, String owner) {
        Campaign campaign = approved(draft);
        assertThat(submissions.claim(campaign.id(), owner, TTL)).as("claimed").isPresent();
        return submissions.markRequestStarted(campaign.id(), owner, TTL);
    }

    private Campaign inDoubt(CampaignDraft draft) {
        Campaign campaign = started(draft, "w");
        submissions.settleFailure(campaign.id(), "w", SubmissionKind.CREATE, serverError());
        releaseClaim(campaign, "w");
        return find(campaign);
    }

    /**
     * In doubt beside another campaign in flight that looks the same: masscast no longer sends two such campaigns at
     * once, but a database from before it did may hold them (the reconciler still has to cope).
     */
    private Campaign inDoubtFromEarlierVersion(CampaignDraft draft) {
        Campaign campaign = approved(draft);
        return stores.inTransaction(s -> s.campaigns()
                        .update(campaign.change()
                                .state(IN_DOUBT)
                                .requestStartedAt(Optional.of(clock.instant()))
                                .note(Optional.of("masscast stopped"))
                                .apply(clock.instant())))
                .orElseThrow();
    }

    /** What the submitter does when it is done with a campaign, whatever the outcome. */
    private void releaseClaim(Campaign campaign, String owner) {
        stores.inTransaction(s -> {
            s.leases().release(SubmissionService.leaseName(campaign.id()), owner);
            s.leases()
                    .release(SubmissionService.lookalikeLeaseName(campaign.connectionId(), campaign.content()), owner);
            return null;
        });
    }

    private Campaign find(Campaign campaign) {
        return stores.inTransaction(s -> s.campaigns().find(campaign.id())).orElseThrow();
    }

    private MessageReceipt receipt(long id, boolean done) {
        return new MessageReceipt(id, Instant.parse("2026-03-20T10:00:02Z"), done, true, 600, false, false);
    }

    private List<String> threadNotes() {
        return stores.pendingOutbox().stream()
                .filter(e -> e.kind() == OutboxEntry.Kind.THREAD_NOTE)
                .map(OutboxEntry::text)
                .toList();
    }

    @Nested
    class Claiming {
        @Test
        void aCampaignThatLooksTheSameToOfAuthWaitsUntilTheOneInFlightHasItsMessage() {
            Campaign first = started(draft().lists("1187345").build(), "w");
            Campaign twin = approved(draft().lists("fans").build());

            assertThat(submissions.claim(twin.id(), "w", TTL)).isEmpty();
            assertThat(find(twin).state()).isEqualTo(APPROVED);
            assertThat(find(twin).note())
                    .contains("waiting for MC-1, which looks the same to OFAuth and is being sent;"
                            + " then this one goes");

            submissions.recordAccepted(first.id(), "w", receipt(3409917724L, false));
            releaseClaim(first, "w");
            assertThat(submissions.claim(twin.id(), "w", TTL))
                    .hasValueSatisfying(claimed -> assertThat(claimed.state()).isEqualTo(SUBMITTING));
        }

        @Test
        void aCampaignThatLooksTheSameWaitsWhileTheOtherIsInDoubtUntilAPersonDecides() {
            Campaign doubtful = inDoubt(draft().lists("1187345").build());
            Campaign twin = approved(draft().lists("fans").build());

            assertThat(submissions.claim(twin.id(), "w", TTL)).isEmpty();
            assertThat(find(twin).note())
                    .contains("waiting for MC-1, which looks the same to OFAuth and is in doubt:"
                            + " decide it first; then this one goes");

            campaigns.confirmSent(doubtful.id(), BOB);
            assertThat(submissions.claim(twin.id(), "w", TTL)).isPresent();
        }

        @Test
        void aDifferentPriceOrTextIsToldApartAndGoesAtOnce() {
            started(draft().lists("1187345").build(), "w");
            Campaign otherPrice = approved(draft().lists("fans").price("15.00").build());
            Campaign otherText =
                    approved(draft().lists("fans").text("Another set").build());

            assertThat(submissions.claim(otherPrice.id(), "w", TTL)).isPresent();
            assertThat(submissions.claim(otherText.id(), "w", TTL)).isPresent();
        }

        @Test
        void whileAnotherProcessSubmitsALookalikeTheLeaseKeepsASecondOneOut() {
            Campaign first = approved(draft().lists("1187345").build());
            Campaign twin = approved(draft().lists("fans").build());
            stores.inTransaction(s -> s.leases()
                    .acquire(
                            SubmissionService.lookalikeLeaseName(first.connectionId(), first.content()),
                            "other-replica",
                            clock.instant(),
                            TTL));

            assertThat(submissions.claim(twin.id(), "w", TTL)).isEmpty();
            Optional<Lease> claim = stores.inTransaction(s -> s.leases().find(SubmissionService.leaseName(twin.id())));
            assertThat(claim).isEmpty();
            assertThat(find(twin).state()).isEqualTo(APPROVED);
        }

        @Test
        void anApprovedCampaignIsClaimedOnceWithALease() {
            Campaign campaign = approved(draft().build());

            assertThat(submissions.dueForSubmission(10))
                    .extracting(Campaign::id)
                    .containsExactly(campaign.id());
            Optional<Campaign> claimed = submissions.claim(campaign.id(), "replica-a", TTL);

            assertThat(claimed).get().extracting(Campaign::state).isEqualTo(SUBMITTING);
            assertThat(submissions.claim(campaign.id(), "replica-b", TTL)).isEmpty();
            assertThat(submissions.dueForSubmission(10)).isEmpty();
        }

        @Test
        void aCampaignThatIsNotApprovedCannotBeClaimed() {
            new BindingService(stores, new Permissions(Set.of("root")))
                    .bind(Actor.of("root", "Root"), CampaignTestData.binding());
            Campaign pending =
                    campaigns.compose(CHANNEL, ALICE, draft().build()).campaign();

            assertThat(submissions.claim(pending.id(), "replica-a", TTL)).isEmpty();
        }

        @Test
        void aClaimThatLosesEveryRaceIsNotAClaim() {
            Campaign campaign = approved(draft().build());
            SubmissionService racing =
                    new SubmissionService(withCampaigns(stores, real -> alwaysChangedUnderfoot(real)), clock);

            assertThat(racing.claim(campaign.id(), "replica-a", TTL)).isEmpty();
        }

        @Test
        void aProgrammingErrorDuringAClaimSurfacesInsteadOfPassingForALostRace() {
            Campaign campaign = approved(draft().build());
            IllegalStateException bug = new IllegalStateException("NOT NULL constraint failed: campaign.fingerprint");
            SubmissionService broken =
                    new SubmissionService(withCampaigns(stores, real -> failingUpdates(real, bug)), clock);

            assertThatThrownBy(() -> broken.claim(campaign.id(), "replica-a", TTL))
                    .isSameAs(bug);
            assertThat(find(campaign).state()).isEqualTo(APPROVED);
        }
    }

    @Nested
    class StartingTheRequest {
        @Test
        void theRequestStartIsRecordedWhileTheClaimIsOurs() {
            Campaign campaign = approved(draft().build());
            submissions.claim(campaign.id(), "w", TTL);
            clock.advance(Duration.ofSeconds(7));

            Campaign started = submissions.markRequestStarted(campaign.id(), "w", TTL);

            assertThat(started.requestStartedAt()).contains(clock.instant());
            assertThat(started.state()).isEqualTo(SUBMITTING);
            clock.advance(Duration.ofSeconds(7));
            assertThat(submissions.abandonedSubmissions(10))
                    .as("recording the start renewed the claim")
                    .isEmpty();
        }

        @Test
        void aRetriedRequestKeepsTheFirstStart() {
            Campaign first = started(draft().build(), "w");
            clock.advance(Duration.ofSeconds(2));

            assertThat(submissions.markRequestStarted(first.id(), "w", TTL).requestStartedAt())
                    .isEqualTo(first.requestStartedAt());
        }

        @Test
        void anUnclaimedCampaignCannotStartARequest() {
            Campaign campaign = approved(draft().build());

            assertThatThrownBy(() -> submissions.markRequestStarted(campaign.id(), "w", TTL))
                    .isInstanceOf(ClaimLost.class)
                    .hasMessage("MC-1 is approved, no longer being submitted.");
        }

        @Test
        void aProcessWhoseClaimWasTakenOverCannotStartItsRequest() {
            Campaign campaign = approved(draft().build());
            submissions.claim(campaign.id(), "slow-replica", TTL);
            clock.advance(TTL.plusSeconds(1));
            submissions.settleAbandoned(campaign.id(), "reconciler", TTL);
            assertThat(submissions.claim(campaign.id(), "other-replica", TTL))
                    .as("claimed")
                    .isPresent();

            assertThatThrownBy(() -> submissions.markRequestStarted(campaign.id(), "slow-replica", TTL))
                    .isInstanceOf(ClaimLost.class)
                    .hasMessage("MC-1 is being submitted by another process now.");
            assertThat(find(campaign).requestStartedAt()).isEmpty();
            assertThat(submissions
                            .markRequestStarted(campaign.id(), "other-replica", TTL)
                            .requestStartedAt())
                    .isPresent();
        }
    }

    @Nested
    class Answers {
        @Test
        void anAcceptedImmediateSendIsSendingOrSentWithItsOfAuthId() {
            Campaign first = started(draft().build(), "w");

            Campaign sending = submissions.recordAccepted(first.id(), "w", receipt(3409917724L, false));

            assertThat(sending.state()).isEqualTo(SENDING);
            assertThat(sending.ofauthMessageId()).contains(3409917724L);
            assertThat(sending.sentAt()).contains(Instant.parse("2026-03-20T10:00:02Z"));
            assertThat(sending.unsendableUntil()).contains(clock.instant().plusSeconds(600));
        }

        @Test
        void anAcceptedFutureSendIsScheduled() {
            Campaign campaign = started(draft().at("2026-03-21T20:00").build(), "w");

            Campaign scheduled = submissions.recordAccepted(campaign.id(), "w", receipt(3409917724L, false));

            assertThat(scheduled.state()).isEqualTo(SCHEDULED);
            assertThat(scheduled.sentAt()).isEmpty();
        }

        @Test
        void aLateAnswerSettlesADoubt() {
            Campaign doubtful = inDoubt(draft().build());

            assertThat(submissions
                            .recordAccepted(doubtful.id(), "w", receipt(3409917724L, true))
                            .state())
                    .isEqualTo(SENT);
        }

        @Test
        void aLateAnswerAfterAnotherProcessTookTheCampaignOverOnlyTellsTheChannel() {
            Campaign doubtful = inDoubt(draft().build());
            campaigns.sendAgain(doubtful.id(), BOB);
            assertThat(submissions.claim(doubtful.id(), "other-replica", TTL))
                    .as("claimed")
                    .isPresent();

            Campaign unchanged = submissions.recordAccepted(doubtful.id(), "w", receipt(3409917724L, true));

            assertThat(unchanged.state()).isEqualTo(SUBMITTING);
            assertThat(unchanged.ofauthMessageId()).isEmpty();
            assertThat(threadNotes())
                    .contains(
                            "OFAuth accepted an earlier attempt to send MC-1 (message 3409917724) after"
                                    + " masscast had stopped waiting for it. If MC-1 was sent again since, fans got it twice: check OnlyFans.");
        }
    }

    @Nested
    class Failures {
        @Test
        void aRateLimitedCreateGoesBackToTheQueueAndWaitsTheTimeOfAuthAskedForInTheDatabase() {
            Campaign campaign = started(draft().build(), "w");
            OfAuthFailure limited = new OfAuthFailure.RateLimited("429", Duration.ofSeconds(20), Optional.empty());

            FailureVerdict verdict = submissions.settleFailure(campaign.id(), "w", SubmissionKind.CREATE, limited);

            assertThat(verdict).isInstanceOf(FailureVerdict.RetryLater.class);
            Campaign released = find(campaign);
            assertThat(released.state()).isEqualTo(APPROVED);
            assertThat(released.requestStartedAt()).isEmpty();
            assertThat(released.note()).contains("OFAuth's rate limit was reached; trying again in 20 s");
            SubmissionService anotherReplica = new SubmissionService(stores, clock);
            assertThat(anotherReplica.dueForSubmission(10)).isEmpty();
            clock.advance(Duration.ofSeconds(20));
            assertThat(anotherReplica.dueForSubmission(10))
                    .extracting(Campaign::id)
                    .containsExactly(campaign.id());
        }

        @Test
        void anAmbiguousCreateFailureIsInDoubtAndTheChannelIsTold() {
            Campaign campaign = started(draft().build(), "w");

            submissions.settleFailure(campaign.id(), "w", SubmissionKind.CREATE, serverError());

            assertThat(find(campaign).state()).isEqualTo(IN_DOUBT);
            assertThat(threadNotes())
                    .contains(
                            "MC-1 may or may not have been sent: OFAuth answered with an error (HTTP 503)"
                                    + " after the request reached it. masscast is looking for it at OFAuth and will not send it again on its own.");
        }

        @Test
        void aRefusalFailsTheCampaignWithOfAuthsReasonInTheThread() {
            Campaign campaign = started(draft().build(), "w");

            submissions.settleFailure(
                    campaign.id(),
                    "w",
                    SubmissionKind.CREATE,
                    new OfAuthFailure.InvalidRequest("price must be at least 3", Optional.empty()));

            Campaign failed = find(campaign);
            assertThat(failed.state()).isEqualTo(FAILED);
            assertThat(failed.note()).contains("price must be at least 3");
            assertThat(threadNotes())
                    .contains("OFAuth refused MC-1: price must be at least 3. Nothing was sent. Fix it and"
                            + " compose it again.");
        }

        @Test
        void aRefusedEditSaysTheEarlierVersionIsStillScheduled() {
            Campaign scheduled = started(draft().at("2026-03-21T20:00").build(), "w");
            submissions.recordAccepted(scheduled.id(), "w", receipt(3409917724L, false));
            Campaign edited = campaigns
                    .edit(
                            scheduled.id(),
                            ALICE,
                            draft().text("New text").at("2026-03-21T20:00").build())
                    .campaign();
            campaigns.approve(edited.id(), BOB, find(edited).fingerprint());
            assertThat(submissions.claim(edited.id(), "w", TTL)).as("claimed").isPresent();

            submissions.settleFailure(
                    edited.id(),
                    "w",
                    SubmissionKind.REPLACE,
                    new OfAuthFailure.InvalidRequest("text too long", Optional.empty()));
            assertThat(threadNotes())
                    .contains("OFAuth refused the edit: text too long. The version approved earlier is"
                            + " still scheduled at OFAuth; cancel MC-1 to delete it.");
        }

        @Test
        void aFailureReportedByAProcessThatLostItsClaimChangesNothing() {
            Campaign campaign = started(draft().build(), "slow-replica");
            clock.advance(TTL.plusSeconds(1));
            submissions.settleAbandoned(campaign.id(), "reconciler", TTL);

            submissions.settleFailure(
                    campaign.id(),
                    "slow-replica",
                    SubmissionKind.CREATE,
                    new OfAuthFailure.InvalidRequest("nope", Optional.empty()));

            assertThat(find(campaign).state()).isEqualTo(IN_DOUBT);
        }
    }

    @Nested
    class Abandoned {
        @Test
        void aClaimWhoseLeaseLapsedIsReportedAsAbandoned() {
            Campaign campaign = approved(draft().build());
            submissions.claim(campaign.id(), "crashed-replica", TTL);
            assertThat(submissions.abandonedSubmissions(10)).isEmpty();

            clock.advance(TTL.plusSeconds(1));

            assertThat(submissions.abandonedSubmissions(10))
                    .extracting(Campaign::id)
                    .containsExactly(campaign.id());
        }

        @Test
        void aClaimStillHeldIsNotSettled() {
            Campaign campaign = approved(draft().build());
            submissions.claim(campaign.id(), "live-replica", TTL);

            assertThat(submissions.settleAbandoned(campaign.id(), "reconciler", TTL))
                    .isEmpty();
            assertThat(find(campaign).state()).isEqualTo(SUBMITTING);
        }

        @Test
        void anAbandonedClaimWhoseRequestNeverLeftGoesBackToTheQueue() {
            Campaign campaign = approved(draft().build());
            submissions.claim(campaign.id(), "crashed-replica", TTL);
            clock.advance(TTL.plusSeconds(1));

            Campaign settled = submissions
                    .settleAbandoned(campaign.id(), "reconciler", TTL)
                    .orElseThrow();

            assertThat(settled.state()).isEqualTo(APPROVED);
            assertThat(submissions.dueForSubmission(10))
                    .extracting(Campaign::id)
                    .containsExactly(campaign.id());
        }

        @Test
        void anAbandonedCreateWhoseRequestLeftIsInDoubt() {
            Campaign campaign = started(draft().build(), "crashed-replica");
            clock.advance(TTL.plusSeconds(1));

            assertThat(submissions.settleAbandoned(campaign.id(), "reconciler", TTL))
                    .get()
                    .extracting(Campaign::state)
                    .isEqualTo(IN_DOUBT);
        }

        @Test
        void anAbandonedEditIsSentAgainBecauseAReplaceIsSafeToRepeat() {
            Campaign scheduled = started(draft().at("2026-03-21T20:00").build(), "w");
            submissions.recordAccepted(scheduled.id(), "w", receipt(3409917724L, false));
            releaseClaim(scheduled, "w");
            campaigns.edit(
                    scheduled.id(),
                    ALICE,
                    draft().text("New text").at("2026-03-21T20:00").build());
            campaigns.approve(scheduled.id(), BOB, find(scheduled).fingerprint());
            assertThat(submissions.claim(scheduled.id(), "crashed-replica", TTL))
                    .as("claimed")
                    .isPresent();
            submissions.markRequestStarted(scheduled.id(), "crashed-replica", TTL);
            clock.advance(TTL.plusSeconds(1));

            assertThat(submissions.settleAbandoned(scheduled.id(), "reconciler", TTL))
                    .get()
                    .extracting(Campaign::state)
                    .isEqualTo(APPROVED);
        }
    }

    @Nested
    class Reconciling {
        private SentMessageStats sentAt(long id, Instant date, String text) {
            return new SentMessageStats(
                    id, date, text, 120, 30, 0, new BigDecimal("12.50"), Optional.empty(), 2, false, true, 500);
        }

        private SentWindow listing(SentMessageStats... messages) {
            return new SentWindow(List.of(messages), true);
        }

        @Test
        void theOnlyMessageThatFitsIsAdopted() {
            Campaign campaign = inDoubt(draft().build());

            Reconciliation outcome = submissions.reconcile(
                    campaign.id(), listing(sentAt(77, clock.instant().plusSeconds(1), "New set is up 🔥")));

            assertThat(outcome).isEqualTo(Reconciliation.ADOPTED);
            Campaign adopted = find(campaign);
            assertThat(adopted.state()).isEqualTo(SENDING);
            assertThat(adopted.ofauthMessageId()).contains(77L);
            assertThat(threadNotes()).contains("Found at OFAuth: MC-1 was sent once (message 77).");
        }

        @Test
        void aMessageAnotherCampaignOwnsIsNeverAdoptedEvenWithTheSameText() {
            Campaign first = started(draft().lists("1187345").build(), "w");
            submissions.recordAccepted(first.id(), "w", receipt(3409917724L, false));
            Campaign second = inDoubt(draft().lists("fans").build());
            SentWindow onlyTheFirstsMessage =
                    listing(sentAt(3409917724L, clock.instant().plusSeconds(1), "New set is up 🔥"));

            assertThat(submissions.reconcile(second.id(), onlyTheFirstsMessage)).isEqualTo(Reconciliation.WAITING);
            clock.advance(SentMessageMatch.LOOK_FOR.plusSeconds(1));
            assertThat(submissions.reconcile(second.id(), onlyTheFirstsMessage))
                    .isEqualTo(Reconciliation.LEFT_TO_PERSON);

            Campaign leftToPerson = find(second);
            assertThat(leftToPerson.state()).isEqualTo(IN_DOUBT);
            assertThat(leftToPerson.ofauthMessageId()).isEmpty();
            assertThat(leftToPerson.note()).contains("not found at OFAuth");
            assertThat(threadNotes())
                    .contains("masscast found no message like MC-2 in OFAuth's sent messages in the 15"
                            + " minutes after its request, so it was most likely not sent. Check OnlyFans, then press Send again, or"
                            + " Mark as sent if it did go out.");
            assertThat(submissions.toReconcile(10))
                    .as("the reconciler leaves it alone from now on")
                    .isEmpty();
        }

        @Test
        void twoMessagesThatFitAreLeftToAPersonNamingBoth() {
            Campaign campaign = inDoubt(draft().build());

            Reconciliation outcome = submissions.reconcile(
                    campaign.id(),
                    listing(
                            sentAt(77, clock.instant().plusSeconds(1), "New set is up 🔥"),
                            sentAt(78, clock.instant().plusSeconds(2), "<p>New set is up 🔥</p>")));

            assertThat(outcome).isEqualTo(Reconciliation.LEFT_TO_PERSON);
            assertThat(find(campaign).ofauthMessageId()).isEmpty();
            assertThat(find(campaign).note()).contains("2 messages at OFAuth fit it");
            assertThat(threadNotes())
                    .anySatisfy(note -> assertThat(note)
                            .startsWith("2 OFAuth messages fit MC-1 (77, 78)")
                            .endsWith("press Mark as sent or Send again."));
        }

        @Test
        void aMessageThatAnotherCampaignInDoubtCouldHaveSentIsLeftToAPerson() {
            Campaign first = inDoubt(draft().lists("1187345").build());
            Campaign second = inDoubtFromEarlierVersion(draft().lists("fans").build());
            SentWindow one = listing(sentAt(77, clock.instant().plusSeconds(1), "New set is up 🔥"));

            assertThat(submissions.reconcile(second.id(), one)).isEqualTo(Reconciliation.LEFT_TO_PERSON);
            assertThat(submissions.reconcile(first.id(), one)).isEqualTo(Reconciliation.LEFT_TO_PERSON);

            assertThat(threadNotes())
                    .anySatisfy(note -> assertThat(note)
                            .startsWith("OFAuth message 77 fits MC-2, but so"
                                    + " does MC-1, sent with the same content at about the same time."));
            assertThat(find(first).ofauthMessageId()).isEmpty();
            assertThat(find(second).ofauthMessageId()).isEmpty();
        }

        @Test
        void aCampaignMarkedAsSentByAPersonStillCountsAsAPossibleSender() {
            Campaign first = inDoubt(draft().lists("1187345").build());
            campaigns.confirmSent(first.id(), BOB);
            Campaign second = inDoubt(draft().lists("fans").build());

            assertThat(submissions.reconcile(
                            second.id(), listing(sentAt(77, clock.instant().plusSeconds(1), "New set is up 🔥"))))
                    .isEqualTo(Reconciliation.LEFT_TO_PERSON);
        }

        @Test
        void aMessageARequestInFlightMayHaveCreatedWaitsForThatRequestsAnswer() {
            Campaign inFlight = started(draft().lists("1187345").build(), "busy-replica");
            Campaign doubtful = inDoubtFromEarlierVersion(draft().lists("fans").build());
            SentWindow one = listing(sentAt(77, clock.instant().plusSeconds(1), "New set is up 🔥"));

            assertThat(submissions.reconcile(doubtful.id(), one)).isEqualTo(Reconciliation.WAITING);

            submissions.recordAccepted(inFlight.id(), "busy-replica", receipt(77, false));
            assertThat(submissions.reconcile(doubtful.id(), one)).isEqualTo(Reconciliation.WAITING);
            assertThat(find(doubtful).ofauthMessageId()).isEmpty();
        }

        @Test
        void onlyAMessageLikeTheCampaignFitsSamePriceMediaAndADateAfterTheRequest() {
            Campaign campaign = inDoubt(draft().build());
            Instant left = campaign.requestStartedAt().orElseThrow();
            SentMessageStats otherPrice = new SentMessageStats(
                    71,
                    left.plusSeconds(1),
                    "New set is up 🔥",
                    1,
                    0,
                    0,
                    new BigDecimal("15.00"),
                    Optional.empty(),
                    2,
                    false,
                    false,
                    0);
            SentMessageStats otherMedia = new SentMessageStats(
                    72,
                    left.plusSeconds(1),
                    "New set is up 🔥",
                    1,
                    0,
                    0,
                    new BigDecimal("12.5"),
                    Optional.empty(),
                    3,
                    false,
                    false,
                    0);
            SentMessageStats before = sentAt(73, left.minus(Duration.ofMinutes(2)), "New set is up 🔥");
            SentMessageStats otherText = sentAt(74, left.plusSeconds(1), "New set is up");
            SentMessageStats samePriceOtherScale = new SentMessageStats(
                    75,
                    left.plusSeconds(3),
                    "New  set is up 🔥",
                    1,
                    0,
                    0,
                    new BigDecimal("12.5"),
                    Optional.empty(),
                    2,
                    false,
                    false,
                    0);

            submissions.reconcile(
                    campaign.id(), listing(otherPrice, otherMedia, before, otherText, samePriceOtherScale));

            assertThat(find(campaign).ofauthMessageId()).contains(75L);
        }

        @Test
        void aListingThatMayMissMessagesNeverLeadsToAnAdoption() {
            Campaign campaign = inDoubt(draft().build());

            Reconciliation outcome = submissions.reconcile(
                    campaign.id(),
                    new SentWindow(List.of(sentAt(77, clock.instant().plusSeconds(1), "New set is up 🔥")), false));

            assertThat(outcome).isEqualTo(Reconciliation.LEFT_TO_PERSON);
            assertThat(find(campaign).note()).contains("OFAuth listed too many messages to read them all");
        }

        @Test
        void aScheduledMessageFitsOnlyAtItsScheduledTime() {
            Campaign campaign = inDoubt(draft().at("2026-03-21T20:00").build());
            Instant scheduledAt = campaign.scheduledAt().orElseThrow();
            clock.set(scheduledAt.plusSeconds(30));

            submissions.reconcile(
                    campaign.id(),
                    listing(
                            sentAt(70, scheduledAt.minus(Duration.ofMinutes(5)), "New set is up 🔥"),
                            sentAt(71, scheduledAt, "New set is up 🔥")));

            assertThat(find(campaign).ofauthMessageId()).contains(71L);
        }

        @Test
        void aCampaignNoLongerInDoubtIsLeftAlone() {
            Campaign campaign = inDoubt(draft().build());
            campaigns.confirmSent(campaign.id(), BOB);

            assertThat(submissions.reconcile(campaign.id(), listing(sentAt(77, clock.instant(), "New set is up 🔥"))))
                    .isEqualTo(Reconciliation.SETTLED_ELSEWHERE);
        }
    }

    @Test
    void anAcceptedMessageRecordsHowManyFansOfAuthSaidItGoesTo() {
        Campaign campaign = started(draft().build(), "w");

        submissions.recordAccepted(
                campaign.id(),
                "w",
                new MessageReceipt(
                        3409917724L, Instant.parse("2026-03-20T10:00:02Z"), false, true, 600, false, false, 2412));

        Optional<CampaignStats> stats = stores.inTransaction(s -> s.stats().find(campaign.id()));
        assertThat(stats.flatMap(CampaignStats::recipients)).contains(2412L);
    }

    /** The same stores, with the campaign store replaced by {@code campaigns} of the real one. */
    private static Transactor withCampaigns(InMemoryStores stores, Function<CampaignStore, CampaignStore> campaigns) {
        return new Transactor() {
            @Override
            public <T> T inTransaction(Function<Stores, T> work) {
                return stores.inTransaction(real -> work.apply(delegate(real, campaigns.apply(real.campaigns()))));
            }
        };
    }

    private static Stores delegate(Stores real, CampaignStore campaigns) {
        return (Stores) Proxy.newProxyInstance(
                Stores.class.getClassLoader(),
                new Class<?>[] {Stores.class},
                (proxy, method, args) -> method.getName().equals("campaigns") ? campaigns : invoke(method, real, args));
    }

    /** A store on which every conditional update finds the campaign changed: each attempt loses the race. */
    private static CampaignStore alwaysChangedUnderfoot(CampaignStore real) {
        return (CampaignStore) Proxy.newProxyInstance(
                CampaignStore.class.getClassLoader(),
                new Class<?>[] {CampaignStore.class},
                (proxy, method, args) ->
                        method.getName().equals("update") ? Optional.empty() : invoke(method, real, args));
    }

    private static CampaignStore failingUpdates(CampaignStore real, RuntimeException bug) {
        return (CampaignStore) Proxy.newProxyInstance(
                CampaignStore.class.getClassLoader(), new Class<?>[] {CampaignStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("update")) {
                        throw bug;
                    }
                    return invoke(method, real, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
