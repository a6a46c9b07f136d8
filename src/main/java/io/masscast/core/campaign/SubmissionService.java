package io.masscast.core.campaign;

import static io.masscast.core.model.CampaignState.APPROVED;
import static io.masscast.core.model.CampaignState.IN_DOUBT;
import static io.masscast.core.model.CampaignState.SENDING;
import static io.masscast.core.model.CampaignState.SENT;
import static io.masscast.core.model.CampaignState.SUBMITTING;

import io.masscast.core.model.Attachment;
import io.masscast.core.model.AuditEvent;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.MassMessage;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.MessageReceipt;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.model.SentWindow;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.Stores;
import io.masscast.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The transitions the background jobs drive: claiming an approved campaign for submission (with a lease
 * so that only one process sends it), noting that the request is about to leave, recording what OFAuth
 * answered — or that nobody can tell — and settling what a stopped process left behind.
 *
 * <p>The claim's lease is the submitting process's right to act: the request start is recorded only while
 * the lease is still its own, and whoever settles an abandoned claim first takes the lease over in the same
 * transaction. So a process whose lease lapsed can no longer start a request, and a request that started
 * is never put back in the queue.
 */
public final class SubmissionService {
    /** How many candidate message ids a note names before it says "and n more". */
    private static final int IDS_SHOWN = 5;
    /** Campaigns being submitted or in doubt looked at for a lookalike; far more than are ever in flight at once. */
    private static final int LOOKALIKES_CHECKED = 1000;

    private final CampaignLedger ledger;

    public SubmissionService(Transactor transactor, Clock clock) {
        this.ledger = new CampaignLedger(transactor, clock);
    }

    public static String leaseName(long campaignId) {
        return "submission:" + campaignId;
    }

    /**
     * The lease a process holds while it submits a campaign of {@code connectionId} whose content looks like
     * {@code content} in OFAuth's analytics ({@link SentMessageMatch#lookAlike}): while one such submission is in
     * flight, no other process starts another, so the reconciler can always tell their messages apart.
     */
    public static String lookalikeLeaseName(String connectionId, MessageContent content) {
        String key = connectionId + "\n" + OnlyFansText.normalise(content.text()) + "\n"
                + content.price().stripTrailingZeros().toPlainString() + "\n"
                + content.media().size();
        return "lookalike:" + Fingerprint.shortForm(Fingerprint.digest(key));
    }

    /** What {@link #reconcile} did with an in-doubt campaign. */
    public enum Reconciliation {
        /** Exactly one message fits and nobody else could have sent it: it is the campaign's. */
        ADOPTED,
        /** Nothing decided yet: the message may still show up, or another campaign's answer is pending. */
        WAITING,
        /** masscast cannot tell; the card asks a person, and the reconciler leaves the campaign alone. */
        LEFT_TO_PERSON,
        /** The campaign is no longer in doubt (a late answer, a person's decision). */
        SETTLED_ELSEWHERE
    }

    /** Approved campaigns the submitter may take now (none OFAuth asked to wait), oldest change first. */
    public List<Campaign> dueForSubmission(int limit) {
        return ledger.inTransaction(stores -> stores.campaigns().dueForSubmission(ledger.now(), limit));
    }

    /**
     * Claims an approved campaign for {@code owner}: {@code SUBMITTING} plus a lease that expires after
     * {@code ttl} unless renewed, and the {@link #lookalikeLeaseName lookalike lease} of its content. Empty if
     * another process claimed it first, it is no longer approved, or a campaign that looks the same to OFAuth's
     * analytics is being submitted or in doubt: it waits until that one's message is known (the card says so).
     */
    public Optional<Campaign> claim(long campaignId, String owner, Duration ttl) {
        try {
            return ledger.inTransaction(stores -> {
                Campaign campaign = CampaignLedger.load(stores, campaignId);
                if (campaign.state() != APPROVED) {
                    return Optional.<Campaign>empty();
                }
                Instant now = ledger.now();
                Optional<Campaign> ahead = lookalikeInFlight(stores, campaign);
                if (ahead.isPresent()) {
                    waitFor(stores, campaign, ahead.get());
                    return Optional.<Campaign>empty();
                }
                String lookalike = lookalikeLeaseName(campaign.connectionId(), campaign.content());
                if (!stores.leases().acquire(lookalike, owner, now, ttl)) {
                    return Optional.<Campaign>empty();
                }
                if (!stores.leases().acquire(leaseName(campaignId), owner, now, ttl)) {
                    stores.leases().release(lookalike, owner);
                    return Optional.<Campaign>empty();
                }
                Campaign after = campaign.change()
                        .state(SUBMITTING)
                        .requestStartedAt(Optional.empty())
                        .apply(now);
                return Optional.of(
                        ledger.record(stores, campaign, after, CampaignAction.CLAIM, owner, "", Optional.empty()));
            });
        } catch (CampaignException.Contended lostEveryRace) {
            return Optional.empty();
        }
    }

    /**
     * Notes that the request to OFAuth is about to leave — run by the gateway once the rate limiter granted it.
     * Until this is stored, a crash proves the message was not sent; after it, only OFAuth can tell. Renews
     * {@code owner}'s claim at the same time; throws {@link ClaimLost} (and nothing may be sent) if the claim is
     * no longer {@code owner}'s. A repeated request (a replace retried) keeps the first start.
     */
    public Campaign markRequestStarted(long campaignId, String owner, Duration ttl) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            Instant now = ledger.now();
            if (campaign.state() != SUBMITTING) {
                throw new ClaimLost(
                        campaign.humanId() + " is " + campaign.state().label() + ", no longer being submitted.");
            }
            if (!stores.leases().renew(leaseName(campaignId), owner, now, ttl)) {
                throw new ClaimLost(campaign.humanId() + " is being submitted by another process now.");
            }
            Campaign after = campaign.change()
                    .requestStartedAt(campaign.requestStartedAt().or(() -> Optional.of(now)))
                    .apply(now);
            stores.attachments().markReferencesSpent(campaignId, now); // single-use: the next request carries vault ids
            return stores.campaigns().update(after).orElseThrow(ConcurrentChange::new);
        });
    }

    /**
     * What a request for the campaign sends: its content and audience, with each file uploaded from chat named by
     * its upload reference until a request carrying that may have reached OFAuth, and by its vault id after (a
     * retry, Send again, the replace of an edit), since a reference works once.
     */
    public MassMessage messageFor(Campaign campaign) {
        List<Attachment> attachments =
                ledger.inTransaction(stores -> stores.attachments().forCampaign(campaign.id()));
        MessageContent content = campaign.content();
        List<MediaItem> media = content.media().stream()
                .map(item -> Attachment.named(item, attachments)
                        .map(Attachment::forRequest)
                        .orElse(item))
                .toList();
        return new MassMessage(
                new MessageContent(
                        content.text(),
                        content.markdown(),
                        content.lockedText(),
                        media,
                        content.previewCount(),
                        content.price()),
                campaign.audience(),
                campaign.scheduledAt());
    }

    /**
     * OFAuth accepted {@code owner}'s request (a late answer also settles a doubt). If meanwhile another process
     * took the campaign over (a person chose "Send again"), nothing changes but the channel hears of the message.
     */
    public Campaign recordAccepted(long campaignId, String owner, MessageReceipt receipt) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            Instant now = ledger.now();
            if (campaign.state() != IN_DOUBT && !holdsClaim(stores, campaign, owner)) {
                stores.outbox()
                        .enqueue(OutboxEntry.threadNote(
                                campaign,
                                "OFAuth accepted an earlier attempt to send "
                                        + campaign.humanId() + " (message " + receipt.id()
                                        + ") after masscast had stopped waiting for it."
                                        + " If " + campaign.humanId()
                                        + " was sent again since, fans got it twice: check OnlyFans.",
                                now));
                return campaign;
            }
            boolean scheduled =
                    campaign.scheduledAt().filter(at -> at.isAfter(now)).isPresent();
            CampaignState to = scheduled ? CampaignState.SCHEDULED : receipt.done() ? SENT : SENDING;
            Campaign after = campaign.change()
                    .state(to)
                    .ofauthMessageId(Optional.of(receipt.id()))
                    .sentAt(scheduled ? Optional.empty() : Optional.of(receipt.date()))
                    .unsendableUntil(unsendWindow(receipt.canUnsend(), receipt.unsendSeconds(), now))
                    .note(Optional.empty())
                    .apply(now);
            if (receipt.totalKnown()) {
                stores.stats()
                        .recordRecipients(campaignId, receipt.total()); // tells the poller when delivery is complete
            }
            return ledger.record(
                    stores,
                    campaign,
                    after,
                    CampaignAction.RECORD_ACCEPTED,
                    CampaignLedger.SYSTEM_ACTOR,
                    "OFAuth message " + receipt.id(),
                    Optional.empty());
        });
    }

    /**
     * Settles {@code owner}'s submission after OFAuth failed it, as {@link FailureVerdict} rules: back to the
     * queue (with the time OFAuth asked for kept in the database), in doubt, or refused. Changes nothing if the
     * claim is no longer {@code owner}'s (another process settled it). Returns the verdict.
     */
    public FailureVerdict settleFailure(long campaignId, String owner, SubmissionKind kind, OfAuthFailure failure) {
        FailureVerdict verdict = FailureVerdict.of(kind, failure);
        ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            if (campaign.state() != SUBMITTING || !holdsClaim(stores, campaign, owner)) {
                return campaign;
            }
            if (verdict instanceof FailureVerdict.RetryLater later) {
                return release(
                        stores,
                        campaign,
                        later.reason(),
                        Optional.of(ledger.now().plus(later.after())));
            }
            if (verdict instanceof FailureVerdict.InDoubt doubt) {
                return markInDoubt(stores, campaign, doubt.reason());
            }
            return recordRefused(stores, campaign, (FailureVerdict.Refused) verdict);
        });
        return verdict;
    }

    /** Campaigns being submitted whose claim has lapsed: the process that held them stopped or hangs. */
    public List<Campaign> abandonedSubmissions(int limit) {
        Instant now = ledger.now();
        return ledger.inTransaction(stores -> stores.campaigns().inStates(Set.of(SUBMITTING), limit).stream()
                .filter(c -> stores.leases()
                        .find(leaseName(c.id()))
                        .filter(l -> l.expiresAt().isAfter(now))
                        .isEmpty())
                .toList());
    }

    /**
     * Settles a submission whose claim lapsed, if it still has: takes the claim over for {@code owner} first (so
     * the process that held it can no longer start its request), then puts it back in the queue when its request
     * never left — or was a replace, which is safe to repeat — and in doubt otherwise.
     */
    public Optional<Campaign> settleAbandoned(long campaignId, String owner, Duration ttl) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            if (campaign.state() != SUBMITTING
                    || !stores.leases().acquire(leaseName(campaignId), owner, ledger.now(), ttl)) {
                return Optional.<Campaign>empty();
            }
            Campaign settled;
            if (campaign.requestStartedAt().isEmpty()) {
                settled = release(
                        stores,
                        campaign,
                        "the process sending it stopped before the request left; sending it again",
                        Optional.empty());
            } else if (campaign.ofauthMessageId().isPresent()) {
                settled = release(
                        stores,
                        campaign,
                        "the process sending the edit stopped; sending the edit again" + " (an edit is safe to repeat)",
                        Optional.empty());
            } else {
                settled = markInDoubt(stores, campaign, "masscast stopped while OFAuth was handling the request");
            }
            stores.leases().release(leaseName(campaignId), owner);
            return Optional.of(settled);
        });
    }

    /** Campaigns in doubt that the reconciler still works on (not yet left to a person), oldest change first. */
    public List<Campaign> toReconcile(int limit) {
        String leftToPerson = CampaignAction.LEAVE_TO_PERSON.name().toLowerCase(Locale.ROOT);
        return ledger.inTransaction(stores -> stores.campaigns().inStates(Set.of(IN_DOUBT), limit).stream()
                .filter(c -> {
                    List<AuditEvent> history = stores.audit().forCampaign(c.id());
                    return history.isEmpty()
                            || !history.get(history.size() - 1).action().equals(leftToPerson);
                })
                .toList());
    }

    /**
     * Decides an in-doubt campaign from what OFAuth's sent analytics list around its request. The campaign's
     * message is adopted only if exactly one listed message fits it, no other campaign owns that message or could
     * have sent it, and the listing was complete; with more than one candidate, a rival, or no message once
     * analytics should show it, a person decides on the card.
     */
    public Reconciliation reconcile(long campaignId, SentWindow sent) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            if (campaign.state() != IN_DOUBT) {
                return Reconciliation.SETTLED_ELSEWHERE;
            }
            Instant now = ledger.now();
            List<SentMessageStats> fitting = sent.messages().stream()
                    .filter(message -> SentMessageMatch.couldBe(campaign, message))
                    .filter(message -> stores.campaigns()
                            .findByOfauthMessageId(campaign.connectionId(), message.id())
                            .isEmpty())
                    .toList();
            if (fitting.isEmpty()) {
                if (SentMessageMatch.stillExpected(campaign, now)) {
                    return Reconciliation.WAITING;
                }
                leaveToPerson(
                        stores,
                        campaign,
                        "not found at OFAuth",
                        "masscast found no message like "
                                + campaign.humanId() + " in OFAuth's sent messages in the "
                                + SentMessageMatch.LOOK_FOR.toMinutes()
                                + " minutes after its request"
                                + (sent.complete() ? "" : " (OFAuth listed too many to read them all)")
                                + ", so it was most likely not sent. Check OnlyFans, then press Send again, or Mark as sent if it"
                                + " did go out.");
                return Reconciliation.LEFT_TO_PERSON;
            }
            List<Campaign> rivals = rivals(stores, campaign, fitting);
            if (rivals.stream().anyMatch(rival -> rival.state() == SUBMITTING)) {
                return Reconciliation.WAITING; // that request's own answer will tell whose message it is
            }
            if (fitting.size() == 1
                    && rivals.isEmpty()
                    && sent.complete()
                    && !fitting.get(0).canceled()) {
                adopt(stores, campaign, fitting.get(0));
                return Reconciliation.ADOPTED;
            }
            leaveToPerson(
                    stores,
                    campaign,
                    ambiguity(fitting, rivals, sent.complete()),
                    ambiguityNote(campaign, fitting, rivals, sent.complete()));
            return Reconciliation.LEFT_TO_PERSON;
        });
    }

    /**
     * Another campaign of the creator that OFAuth's analytics could not tell from this one, whose request may have
     * left without masscast knowing its message: being submitted, or in doubt.
     */
    private static Optional<Campaign> lookalikeInFlight(Stores stores, Campaign campaign) {
        return stores.campaigns().inStates(Set.of(SUBMITTING, IN_DOUBT), LOOKALIKES_CHECKED).stream()
                .filter(other ->
                        other.id() != campaign.id() && other.connectionId().equals(campaign.connectionId()))
                .filter(other -> other.ofauthMessageId().isEmpty())
                .filter(other -> SentMessageMatch.lookAlike(campaign.content(), other.content()))
                .findFirst();
    }

    /** Says on the card (once) why an approved campaign is not sent yet. */
    private void waitFor(Stores stores, Campaign campaign, Campaign ahead) {
        String reason = "waiting for " + ahead.humanId() + ", which looks the same to OFAuth and is "
                + (ahead.state() == IN_DOUBT ? "in doubt: decide it first" : "being sent") + "; then this one goes";
        if (!campaign.note().equals(Optional.of(reason))) {
            Campaign after = campaign.change().note(Optional.of(reason)).apply(ledger.now());
            Campaign noted = stores.campaigns().update(after).orElseThrow(ConcurrentChange::new);
            stores.outbox().enqueue(OutboxEntry.card(noted, ledger.now()));
        }
    }

    private static boolean holdsClaim(Stores stores, Campaign campaign, String owner) {
        return stores.leases()
                .find(leaseName(campaign.id()))
                .filter(lease -> lease.owner().equals(owner))
                .isPresent();
    }

    /** The request provably never reached OFAuth (or is safe to repeat): back to the queue, not before {@code notBefore}. */
    private Campaign release(Stores stores, Campaign campaign, String reason, Optional<Instant> notBefore) {
        Campaign after = campaign.change()
                .state(APPROVED)
                .requestStartedAt(Optional.empty())
                .note(Optional.of(reason))
                .apply(ledger.now());
        Campaign released = ledger.record(
                stores, campaign, after, CampaignAction.RELEASE, CampaignLedger.SYSTEM_ACTOR, reason, Optional.empty());
        notBefore.ifPresent(at -> stores.campaigns().deferSubmission(campaign.id(), at));
        return released;
    }

    /** Nobody can tell whether OFAuth created the message; the reconciler and then a person decide. */
    private Campaign markInDoubt(Stores stores, Campaign campaign, String reason) {
        Campaign after =
                campaign.change().state(IN_DOUBT).note(Optional.of(reason)).apply(ledger.now());
        return ledger.record(
                stores,
                campaign,
                after,
                CampaignAction.MARK_IN_DOUBT,
                CampaignLedger.SYSTEM_ACTOR,
                reason,
                Optional.of(campaign.humanId() + " may or may not have been sent: " + reason
                        + ". masscast is looking for it at OFAuth and will not send it again on its own."));
    }

    /** OFAuth definitely refused the message; the reason is OFAuth's own words or what to do. */
    private Campaign recordRefused(Stores stores, Campaign campaign, FailureVerdict.Refused refused) {
        String reason = refused.reason();
        Campaign after = campaign.change()
                .state(CampaignState.FAILED)
                .note(Optional.of(reason))
                .apply(ledger.now());
        String note;
        if (campaign.ofauthMessageId().isEmpty()) {
            note = "OFAuth refused " + campaign.humanId() + ": " + reason
                    + ". Nothing was sent. Fix it and compose it again.";
        } else if (refused.earlierVersionKept()) {
            note = "OFAuth refused the edit: " + reason
                    + ". The version approved earlier is still scheduled at OFAuth; " + "cancel " + campaign.humanId()
                    + " to delete it.";
        } else {
            note = "OFAuth refused the edit of " + campaign.humanId() + ": " + reason + ".";
        }
        return ledger.record(
                stores,
                campaign,
                after,
                CampaignAction.RECORD_REFUSED,
                CampaignLedger.SYSTEM_ACTOR,
                reason,
                Optional.of(note));
    }

    private void adopt(Stores stores, Campaign campaign, SentMessageStats found) {
        Instant now = ledger.now();
        Campaign after = campaign.change()
                .state(SENDING) // the stats poller says when OFAuth has delivered it: one delivered fan is not enough
                .ofauthMessageId(Optional.of(found.id()))
                .sentAt(Optional.of(found.date()))
                .unsendableUntil(unsendWindow(found.canUnsend(), found.unsendSeconds(), now))
                .note(Optional.empty())
                .apply(now);
        ledger.record(
                stores,
                campaign,
                after,
                CampaignAction.ADOPT,
                CampaignLedger.SYSTEM_ACTOR,
                "found as OFAuth message " + found.id(),
                Optional.of("Found at OFAuth: " + campaign.humanId() + " was sent once (message " + found.id() + ")."));
    }

    private void leaveToPerson(Stores stores, Campaign campaign, String reason, String threadNote) {
        Campaign after = campaign.change().note(Optional.of(reason)).apply(ledger.now());
        ledger.record(
                stores,
                campaign,
                after,
                CampaignAction.LEAVE_TO_PERSON,
                CampaignLedger.SYSTEM_ACTOR,
                reason,
                Optional.of(threadNote));
    }

    /**
     * Other campaigns of the connection that could have sent one of the messages: their request left, they have no
     * OFAuth message of their own (in flight, in doubt, or marked as sent by a person), and the message fits them.
     */
    private static List<Campaign> rivals(Stores stores, Campaign campaign, List<SentMessageStats> fitting) {
        Instant earliest = fitting.stream()
                .map(SentMessageStats::date)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Instant latest = fitting.stream()
                .map(SentMessageStats::date)
                .max(Comparator.naturalOrder())
                .orElseThrow();
        return stores
                .campaigns()
                .committedSends(
                        campaign.connectionId(),
                        earliest.minus(SentMessageMatch.LOOK_FOR).minus(SentMessageMatch.CLOCK_SKEW),
                        latest.plus(SentMessageMatch.CLOCK_SKEW).plusMillis(1))
                .stream()
                .filter(other -> other.id() != campaign.id())
                .filter(other -> other.ofauthMessageId().isEmpty()
                        && other.requestStartedAt().isPresent())
                .filter(other -> fitting.stream().anyMatch(message -> SentMessageMatch.couldBe(other, message)))
                .toList();
    }

    private static String ambiguity(List<SentMessageStats> fitting, List<Campaign> rivals, boolean complete) {
        if (!rivals.isEmpty()) {
            return "its message could also be " + names(rivals) + "'s";
        }
        if (fitting.size() > 1) {
            return fitting.size() + " messages at OFAuth fit it";
        }
        return complete
                ? "the only message at OFAuth that fits it was cancelled there"
                : "OFAuth listed too many messages to read them all";
    }

    private static String ambiguityNote(
            Campaign campaign, List<SentMessageStats> fitting, List<Campaign> rivals, boolean complete) {
        String ids = fitting.stream()
                        .limit(IDS_SHOWN)
                        .map(m -> Long.toString(m.id()))
                        .collect(Collectors.joining(", "))
                + (fitting.size() > IDS_SHOWN ? " and " + (fitting.size() - IDS_SHOWN) + " more" : "");
        String found = fitting.size() == 1
                ? "OFAuth message " + ids + " fits " + campaign.humanId()
                : fitting.size() + " OFAuth messages fit " + campaign.humanId() + " (" + ids + ")";
        String why;
        if (!rivals.isEmpty()) {
            why = ", but so does " + names(rivals) + ", sent with the same content at about the same time";
        } else if (fitting.size() > 1) {
            why = ": same text, price and media, sent after its request";
        } else if (complete) {
            why = ", but it was cancelled at OFAuth";
        } else {
            why = ", but OFAuth listed more messages than masscast could read, so there may be others";
        }
        return found + why + ". masscast can't tell which, if any, is " + campaign.humanId() + "'s (OFAuth does not"
                + " report the audience): check in OnlyFans, then press Mark as sent or Send again.";
    }

    private static String names(List<Campaign> campaigns) {
        return campaigns.stream().map(Campaign::humanId).collect(Collectors.joining(", "));
    }

    private static Optional<Instant> unsendWindow(boolean canUnsend, long unsendSeconds, Instant now) {
        return canUnsend && unsendSeconds > 0
                ? Optional.of(now.plus(Duration.ofSeconds(unsendSeconds)))
                : Optional.empty();
    }
}
