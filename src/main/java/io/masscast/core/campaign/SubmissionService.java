package io.masscast.core.campaign;

import static io.masscast.core.model.CampaignState.APPROVED;
import static io.masscast.core.model.CampaignState.SENDING;
import static io.masscast.core.model.CampaignState.SENT;
import static io.masscast.core.model.CampaignState.SUBMITTING;

import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.MessageReceipt;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The transitions the background jobs drive: claiming an approved campaign for submission (with a lease
 * so that only one process sends it), noting that the request is about to leave, and recording what
 * OFAuth answered — or that nobody can tell.
 */
public final class SubmissionService {
    private final CampaignLedger ledger;

    public SubmissionService(Transactor transactor, Clock clock) {
        this.ledger = new CampaignLedger(transactor, clock);
    }

    public static String leaseName(long campaignId) {
        return "submission:" + campaignId;
    }

    /** Approved campaigns waiting to be submitted, oldest first. */
    public List<Campaign> approved(int limit) {
        return ledger.inTransaction(stores -> stores.campaigns().inStates(Set.of(APPROVED), limit));
    }

    /**
     * Claims an approved campaign for {@code owner}: {@code SUBMITTING} plus a lease that expires after
     * {@code ttl}. Empty if another process claimed it first or it is no longer approved.
     */
    public Optional<Campaign> claim(long campaignId, String owner, Duration ttl) {
        try {
            return ledger.inTransaction(stores -> {
                Campaign campaign = CampaignLedger.load(stores, campaignId);
                if (campaign.state() != APPROVED) {
                    return Optional.<Campaign>empty();
                }
                Instant now = ledger.now();
                if (!stores.leases().acquire(leaseName(campaignId), owner, now, ttl)) {
                    return Optional.<Campaign>empty();
                }
                Campaign after = campaign.change().state(SUBMITTING).requestStartedAt(Optional.empty()).apply(now);
                return Optional.of(ledger.record(stores, campaign, after, CampaignAction.CLAIM, owner, "", Optional.empty()));
            });
        } catch (IllegalStateException lostEveryRace) {
            return Optional.empty();
        }
    }

    /**
     * Notes that the request to OFAuth is about to leave. Until this is stored, a crash proves the
     * message was not sent; after it, only OFAuth can tell.
     */
    public Campaign markRequestStarted(long campaignId) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            if (campaign.state() != SUBMITTING) {
                throw new CampaignException.IllegalTransition(campaign.humanId() + " is " + campaign.state().label()
                        + ", not being submitted.");
            }
            Campaign after = campaign.change().requestStartedAt(Optional.of(ledger.now())).apply(ledger.now());
            return stores.campaigns().update(after).orElseThrow(ConcurrentChange::new);
        });
    }

    /** OFAuth accepted the message (or a late answer settles a doubt). */
    public Campaign recordAccepted(long campaignId, MessageReceipt receipt) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            Instant now = ledger.now();
            boolean scheduled = campaign.scheduledAt().filter(at -> at.isAfter(now)).isPresent();
            CampaignState to = scheduled ? CampaignState.SCHEDULED : receipt.done() ? SENT : SENDING;
            Campaign after = campaign.change()
                    .state(to)
                    .ofauthMessageId(Optional.of(receipt.id()))
                    .sentAt(scheduled ? Optional.empty() : Optional.of(receipt.date()))
                    .unsendableUntil(unsendWindow(receipt.canUnsend(), receipt.unsendSeconds(), now))
                    .note(Optional.empty())
                    .apply(now);
            if (receipt.totalKnown()) {
                stores.stats().recordRecipients(campaignId, receipt.total()); // tells the poller when delivery is complete
            }
            return ledger.record(stores, campaign, after, CampaignAction.RECORD_ACCEPTED, CampaignLedger.SYSTEM_ACTOR,
                    "OFAuth message " + receipt.id(), Optional.empty());
        });
    }

    /** OFAuth definitely refused the message; {@code reason} is OFAuth's own words. */
    public Campaign recordRefused(long campaignId, String reason) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            Campaign after = campaign.change().state(CampaignState.FAILED).note(Optional.of(reason)).apply(ledger.now());
            String note = campaign.ofauthMessageId().isPresent()
                    ? "OFAuth refused the edit: " + reason + ". The version approved earlier is still scheduled at OFAuth; "
                            + "cancel " + campaign.humanId() + " to delete it."
                    : "OFAuth refused " + campaign.humanId() + ": " + reason + ". Nothing was sent. Fix it and compose it again.";
            return ledger.record(stores, campaign, after, CampaignAction.RECORD_REFUSED, CampaignLedger.SYSTEM_ACTOR,
                    reason, Optional.of(note));
        });
    }

    /** Nobody can tell whether OFAuth created the message; the reconciler and then a person decide. */
    public Campaign markInDoubt(long campaignId, String reason) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            Campaign after = campaign.change().state(CampaignState.IN_DOUBT).note(Optional.of(reason)).apply(ledger.now());
            return ledger.record(stores, campaign, after, CampaignAction.MARK_IN_DOUBT, CampaignLedger.SYSTEM_ACTOR,
                    reason, Optional.of(campaign.humanId() + " may or may not have been sent: " + reason
                            + ". masscast is looking for it at OFAuth and will not send it again on its own."));
        });
    }

    /** The request provably never reached OFAuth: the campaign goes back to the queue. */
    public Campaign release(long campaignId, String reason) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            Campaign after = campaign.change().state(APPROVED).requestStartedAt(Optional.empty())
                    .note(Optional.of(reason)).apply(ledger.now());
            return ledger.record(stores, campaign, after, CampaignAction.RELEASE, CampaignLedger.SYSTEM_ACTOR,
                    reason, Optional.empty());
        });
    }

    /** The reconciler found the in-doubt message in OFAuth's analytics. */
    public Campaign adopt(long campaignId, SentMessageStats found) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            Instant now = ledger.now();
            Campaign after = campaign.change()
                    .state(SENDING) // the stats poller tells when delivery is complete: one delivered fan is not enough
                    .ofauthMessageId(Optional.of(found.id()))
                    .sentAt(Optional.of(found.date()))
                    .unsendableUntil(unsendWindow(found.canUnsend(), found.unsendSeconds(), now))
                    .note(Optional.empty())
                    .apply(now);
            return ledger.record(stores, campaign, after, CampaignAction.ADOPT, CampaignLedger.SYSTEM_ACTOR,
                    "found as OFAuth message " + found.id(),
                    Optional.of("Found at OFAuth: " + campaign.humanId() + " was sent once (message " + found.id() + ")."));
        });
    }

    /** Campaigns being submitted whose claim has expired: the process that held them stopped or hangs. */
    public List<Campaign> abandonedSubmissions(int limit) {
        Instant now = ledger.now();
        return ledger.inTransaction(stores -> stores.campaigns().inStates(Set.of(SUBMITTING), limit).stream()
                .filter(c -> stores.leases().find(leaseName(c.id())).filter(l -> l.expiresAt().isAfter(now)).isEmpty())
                .toList());
    }

    /** Campaigns in doubt, for the reconciler to look for. */
    public List<Campaign> inDoubt(int limit) {
        return ledger.inTransaction(stores -> stores.campaigns().inStates(Set.of(CampaignState.IN_DOUBT), limit));
    }

    public void releaseLease(long campaignId, String owner) {
        ledger.inTransaction(stores -> {
            stores.leases().release(leaseName(campaignId), owner);
            return null;
        });
    }

    private static Optional<Instant> unsendWindow(boolean canUnsend, long unsendSeconds, Instant now) {
        return canUnsend && unsendSeconds > 0 ? Optional.of(now.plus(Duration.ofSeconds(unsendSeconds))) : Optional.empty();
    }
}
