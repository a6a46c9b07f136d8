package io.masscast.core.campaign;

import static io.masscast.core.model.CampaignState.APPROVED;
import static io.masscast.core.model.CampaignState.PENDING_APPROVAL;

import io.masscast.core.model.AbPart;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Approval;
import io.masscast.core.model.Attachment;
import io.masscast.core.model.AuditEvent;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.RepeatFinding;
import io.masscast.core.policy.ApprovalPolicy;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Permissions;
import io.masscast.core.policy.SendPolicy;
import io.masscast.core.policy.TextRules;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.core.port.OfAuthGateway;
import io.masscast.core.port.Stores;
import io.masscast.core.port.Transactor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The use cases people trigger on a campaign: compose, edit, approve, reject, cancel, unsend, and the
 * decision on a send whose outcome is in doubt. Each one is a single transaction (OFAuth calls for
 * cancel and unsend happen between two), ends in an audit event and a card update, and refuses
 * anything the lifecycle or the policies forbid with a {@link CampaignException}.
 */
public final class CampaignService {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignService.class);
    /** The field a rejection's reason is reported on. */
    public static final String REASON = "reason";

    private final CampaignLedger ledger;
    private final OfAuthGateway ofauth;
    private final Permissions permissions;
    private final ApprovalPolicy approvalPolicy;
    private final SendPolicy sendPolicy = new SendPolicy();

    public CampaignService(Transactor transactor, OfAuthGateway ofauth, Permissions permissions, Clock clock) {
        this.ledger = new CampaignLedger(transactor, clock);
        this.ofauth = ofauth;
        this.permissions = permissions;
        this.approvalPolicy = new ApprovalPolicy(permissions);
    }

    /** A composed or edited campaign, with notes for the requester (e.g. how an ambiguous time was read). */
    public record Composed(Campaign campaign, List<String> notes) {
        public Composed {
            notes = List.copyOf(notes);
        }
    }

    /** The campaign after an approval, the approvals it now has and how many it needs. */
    /**
     * An approval given, with the campaign as it is now.
     *
     * @param stillToApprove the approvers who may still approve it (see {@link ApprovalPolicy#stillToApprove})
     */
    public record Approved(Campaign campaign, List<Approval> approvals, int required, List<String> stillToApprove) {
        public Approved {
            approvals = List.copyOf(approvals);
            stillToApprove = List.copyOf(stillToApprove);
        }

        public Approved(Campaign campaign, List<Approval> approvals, Binding binding) {
            this(
                    campaign,
                    approvals,
                    binding.policy().requiredApprovals(),
                    ApprovalPolicy.stillToApprove(binding, campaign, approvals));
        }

        public boolean complete() {
            return campaign.state() != PENDING_APPROVAL;
        }
    }

    public Composed compose(ChannelRef channel, Actor requester, CampaignDraft draft) {
        return compose(channel, requester, draft, false);
    }

    /** A campaign without files attached from chat; {@code twinConfirmed} as below. */
    public Composed compose(ChannelRef channel, Actor requester, CampaignDraft draft, boolean twinConfirmed) {
        return compose(channel, requester, draft, twinConfirmed, List.of());
    }

    /**
     * Composes a campaign. A text the same as that of a campaign going out within minutes is refused on the
     * {@code confirm} field unless {@code twinConfirmed} (see {@link RepeatGuard}). Files uploaded from chat
     * ({@code attachments}, already named in the draft's media by their upload references) are stored with it, in the
     * same transaction.
     */
    public Composed compose(
            ChannelRef channel,
            Actor requester,
            CampaignDraft draft,
            boolean twinConfirmed,
            List<Attachment> attachments) {
        return ledger.inTransaction(stores -> {
            Binding binding = CampaignChecks.binding(stores, channel);
            Instant now = ledger.now();
            SendPolicy.DraftVerdict verdict = check(stores, draft, binding, now, 0);
            CampaignChecks.refuseUnconfirmedTwin(
                    stores, binding, draft.content(), verdict.scheduledAt().orElse(now), Set.of(), twinConfirmed);
            Campaign campaign = CampaignLedger.insertPending(
                    stores,
                    channel,
                    requester,
                    binding,
                    draft.content(),
                    draft.audience(),
                    verdict.scheduledAt(),
                    now,
                    "");
            stores.attachments().add(campaign.id(), attachments, now);
            stores.outbox().enqueue(OutboxEntry.card(campaign, now));
            return new Composed(campaign, verdict.notes());
        });
    }

    public Composed edit(long campaignId, Actor actor, CampaignDraft draft) {
        return edit(campaignId, actor, draft, false, List.of());
    }

    /**
     * The requester changes a pending or scheduled campaign; earlier approvals no longer count. {@code twinConfirmed}
     * and {@code attachments} as for {@link #compose(ChannelRef, Actor, CampaignDraft, boolean, List)}.
     */
    public Composed edit(
            long campaignId, Actor actor, CampaignDraft draft, boolean twinConfirmed, List<Attachment> attachments) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            CampaignChecks.refuseTestEdit(stores, campaign);
            CampaignLedger.require(CampaignAction.EDIT, campaign);
            if (!campaign.isRequestedBy(actor)) {
                throw new CampaignException.NotPermitted("Only the requester, " + Mention.of(campaign.requesterId())
                        + ", can edit " + campaign.humanId() + ". Compose your own with /masscast new.");
            }
            Binding binding = CampaignChecks.binding(stores, campaign.channel());
            Instant now = ledger.now();
            SendPolicy.DraftVerdict verdict = check(stores, draft, binding, now, campaign.id());
            String fingerprint =
                    Fingerprint.of(campaign.connectionId(), draft.content(), draft.audience(), verdict.scheduledAt());
            if (fingerprint.equals(campaign.fingerprint()) && campaign.state() == PENDING_APPROVAL) {
                return new Composed(campaign, List.of("Nothing changed: " + campaign.humanId() + " stays as it was."));
            }
            CampaignChecks.refuseUnconfirmedTwin(
                    stores,
                    binding,
                    draft.content(),
                    verdict.scheduledAt().orElse(now),
                    Set.of(campaign.id()),
                    twinConfirmed);
            stores.approvals().clear(campaign.id());
            Campaign after = campaign.change()
                    .content(draft.content(), draft.audience(), verdict.scheduledAt(), fingerprint)
                    .state(PENDING_APPROVAL)
                    .note(Optional.empty())
                    .apply(now);
            Optional<String> note = campaign.ofauthMessageId()
                    .map(id -> "Edited by " + Mention.of(actor.userId())
                            + ". The version approved earlier stays scheduled at OFAuth until this edit is approved; "
                            + "cancel " + campaign.humanId() + " to stop it.");
            Campaign saved = ledger.record(
                    stores, campaign, after, CampaignAction.EDIT, actor.userId(), "approvals cleared", note);
            stores.attachments().add(campaign.id(), attachments, now);
            return new Composed(saved, verdict.notes());
        });
    }

    /**
     * Records an approval of the version the approver was shown. The last approval the policy requires
     * moves the campaign to {@code APPROVED}; exactly one of several simultaneous final clicks wins and
     * the others learn who approved it.
     */
    public Approved approve(long campaignId, Actor actor, String shownFingerprint) {
        return approve(campaignId, actor, shownFingerprint, false);
    }

    /**
     * As {@link #approve(long, Actor, String)}; a campaign that repeats another ({@link #repeats}) is approved only
     * with {@code repeatConfirmed}, else {@link CampaignException.RepeatUnconfirmed} asks for that confirmation.
     */
    public Approved approve(long campaignId, Actor actor, String shownFingerprint, boolean repeatConfirmed) {
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            CampaignChecks.refuseTestPart(stores, campaign, "approved");
            if (campaign.state() != PENDING_APPROVAL) {
                throw CampaignChecks.alreadyDecided(stores, campaign);
            }
            Binding binding = CampaignChecks.binding(stores, campaign.channel());
            approvalPolicy.refusal(campaign, binding, actor).ifPresent(reason -> {
                throw new CampaignException.NotPermitted(reason);
            });
            CampaignChecks.refuseIfSessionExpired(stores, campaign, binding);
            if (!campaign.fingerprint().equals(shownFingerprint)) {
                throw new CampaignException.Stale(campaign.humanId() + " changed after the version you approved. "
                        + "Look at the updated card and approve that one if it is right.");
            }
            Instant now = ledger.now();
            List<FieldError> errors = sendPolicy.checkBeforeApproval(
                    campaign, binding, now, CampaignChecks.sends(stores, campaign.connectionId()));
            if (!errors.isEmpty()) {
                throw new CampaignException.PolicyViolation(errors);
            }
            List<RepeatFinding> repeats = RepeatGuard.repeats(stores, campaign, binding, now, Set.of(campaign.id()));
            if (!repeatConfirmed && !repeats.isEmpty()) {
                throw new CampaignException.RepeatUnconfirmed(campaign, repeats);
            }
            Approval approval =
                    new Approval(campaign.id(), actor.userId(), actor.displayName(), campaign.fingerprint(), now);
            if (!stores.approvals().add(approval)) {
                throw new CampaignException.AlreadyDecided(
                        "You already approved " + campaign.humanId() + "; it needs approval from "
                                + (binding.policy().requiredApprovals() - 1) + " other approver(s).");
            }
            List<Approval> approvals = stores.approvals().forCampaign(campaign.id(), campaign.fingerprint());
            boolean complete = approvalPolicy.isComplete(binding, approvals);
            Campaign after = campaign.change()
                    .state(complete ? APPROVED : PENDING_APPROVAL)
                    .apply(now);
            String detail =
                    "approval " + approvals.size() + " of " + binding.policy().requiredApprovals()
                            + (repeats.isEmpty()
                                    ? ""
                                    : ", confirmed although it repeats "
                                            + repeats.get(0).other().humanId());
            Campaign saved = ledger.record(
                    stores, campaign, after, CampaignAction.APPROVE, actor.userId(), detail, Optional.empty());
            return new Approved(saved, approvals, binding);
        });
    }

    public Campaign reject(long campaignId, Actor actor, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new CampaignException.PolicyViolation(
                    List.of(new FieldError(REASON, "Say why you reject it, so the requester knows what to fix.")));
        }
        TextRules.problem(reason.strip(), TextRules.MAX_REASON_LENGTH, TextRules.Lines.MULTI)
                .ifPresent(problem -> {
                    throw new CampaignException.PolicyViolation(
                            List.of(new FieldError(REASON, "The reason " + problem)));
                });
        return ledger.inTransaction(stores -> {
            Campaign campaign = CampaignLedger.load(stores, campaignId);
            CampaignChecks.refuseTestPart(stores, campaign, "rejected");
            if (campaign.state() != PENDING_APPROVAL) {
                throw CampaignChecks.alreadyDecided(stores, campaign);
            }
            Binding binding = CampaignChecks.binding(stores, campaign.channel());
            if (!permissions.isApprover(binding, actor)) {
                throw new CampaignException.NotPermitted(
                        "Only approvers can reject " + campaign.humanId() + ". If it is yours, cancel it instead.");
            }
            Campaign after = campaign.change()
                    .state(CampaignState.REJECTED)
                    .note(Optional.of(reason.strip()))
                    .apply(ledger.now());
            return ledger.record(
                    stores,
                    campaign,
                    after,
                    CampaignAction.REJECT,
                    actor.userId(),
                    reason.strip(),
                    Optional.of("Rejected by " + Mention.of(actor.userId()) + ": " + reason.strip()));
        });
    }

    /**
     * Cancels a campaign before it goes out. One that OFAuth already holds (scheduled) is deleted there
     * first; if OFAuth refuses or cannot be reached, nothing changes here.
     */
    public Campaign cancel(long campaignId, Actor actor) {
        ledger.inTransaction(stores -> {
            CampaignChecks.refuseTestPart(stores, CampaignLedger.load(stores, campaignId), "cancelled");
            return null;
        });
        return cancelOne(campaignId, actor, true);
    }

    /**
     * Cancels one campaign, whether or not it is part of an A/B test (the test cancels its parts with this, noting
     * the cancel in the thread with one of them only: {@code withNote}).
     */
    Campaign cancelOne(long campaignId, Actor actor, boolean withNote) {
        Campaign campaign = ledger.inTransaction(stores -> {
            Campaign current = CampaignLedger.load(stores, campaignId);
            CampaignLedger.require(CampaignAction.CANCEL, current);
            if (!current.isRequestedBy(actor) && !permissions.isAdmin(actor)) {
                throw new CampaignException.NotPermitted("Only the requester, " + Mention.of(current.requesterId())
                        + ", or an admin can cancel " + current.humanId() + ".");
            }
            if (current.ofauthMessageId().isEmpty() && current.state() == CampaignState.FAILED) {
                throw new CampaignException.IllegalTransition(
                        current.humanId() + " failed and never reached OFAuth: there is nothing to cancel.");
            }
            if (current.ofauthMessageId().isEmpty()) {
                return recordCancel(stores, current, actor, "cancelled before submission", withNote);
            }
            return current;
        });
        if (campaign.state() == CampaignState.CANCELLED) {
            return campaign;
        }
        long messageId = campaign.ofauthMessageId().orElseThrow();
        deleteAtOfAuth(campaign, messageId, "cancel");
        return ledger.inTransaction(stores -> {
            Campaign current = CampaignLedger.load(stores, campaignId);
            return recordCancel(stores, current, actor, "deleted at OFAuth (message " + messageId + ")", withNote);
        });
    }

    /** Pulls a sent message back inside OFAuth's unsend window. Fans who bought it keep access. */
    public Campaign unsend(long campaignId, Actor actor) {
        ledger.inTransaction(stores -> {
            CampaignChecks.refuseTestPart(stores, CampaignLedger.load(stores, campaignId), "unsent");
            return null;
        });
        return unsendOne(campaignId, actor, true);
    }

    /** Unsends one campaign, whether or not it is part of an A/B test; {@code withNote} as for {@link #cancelOne}. */
    Campaign unsendOne(long campaignId, Actor actor, boolean withNote) {
        Campaign campaign = ledger.inTransaction(stores -> {
            Campaign current = CampaignLedger.load(stores, campaignId);
            CampaignLedger.require(CampaignAction.UNSEND, current);
            Binding binding = CampaignChecks.binding(stores, current.channel());
            if (!current.isRequestedBy(actor)
                    && !permissions.isApprover(binding, actor)
                    && !permissions.isAdmin(actor)) {
                throw new CampaignException.NotPermitted(
                        "Only the requester, an approver or an admin can unsend " + current.humanId() + ".");
            }
            Instant now = ledger.now();
            if (current.unsendableUntil().filter(until -> !until.isAfter(now)).isPresent()) {
                throw new CampaignException.IllegalTransition(
                        current.humanId() + " can no longer be unsent: " + "OFAuth's unsend window closed at "
                                + current.unsendableUntil().get() + ".");
            }
            if (current.ofauthMessageId().isEmpty()) {
                throw new CampaignException.IllegalTransition(current.humanId()
                        + " has no OFAuth message id (it was marked as sent by hand), so masscast can't unsend it.");
            }
            return current;
        });
        long messageId = campaign.ofauthMessageId().orElseThrow();
        deleteAtOfAuth(campaign, messageId, "unsend");
        return ledger.inTransaction(stores -> {
            Campaign current = CampaignLedger.load(stores, campaignId);
            Campaign after = current.change().state(CampaignState.UNSENT).apply(ledger.now());
            return ledger.record(
                    stores,
                    current,
                    after,
                    CampaignAction.UNSEND,
                    actor.userId(),
                    "deleted at OFAuth (message " + messageId + ")",
                    Optional.of("Unsent by " + Mention.of(actor.userId())
                                    + ". Fans who already bought it keep access to what they bought.")
                            .filter(note -> withNote));
        });
    }

    /** A person states that an in-doubt send did reach fans. */
    public Campaign confirmSent(long campaignId, Actor actor) {
        return decideDoubt(
                campaignId,
                actor,
                CampaignAction.CONFIRM_SENT,
                CampaignState.SENT,
                "Marked as sent by " + Mention.of(actor.userId())
                        + ". Without OFAuth's message id, live stats are not available.");
    }

    /** A person states that an in-doubt send did not reach fans; the submitter sends it again. */
    public Campaign sendAgain(long campaignId, Actor actor) {
        return decideDoubt(
                campaignId,
                actor,
                CampaignAction.SEND_AGAIN,
                APPROVED,
                "Sending again, as decided by " + Mention.of(actor.userId()) + ".");
    }

    /**
     * Expires pending campaigns whose send time has passed without enough approvals. The campaigns of an A/B test
     * expire together (one send time, one approval), so only its lead notes it in the thread.
     */
    public List<Campaign> expireOverdue(int limit) {
        Instant now = ledger.now();
        List<Campaign> overdue =
                ledger.inTransaction(stores -> stores.campaigns().inStates(Set.of(PENDING_APPROVAL), limit).stream()
                        .filter(c ->
                                c.scheduledAt().filter(at -> !at.isAfter(now)).isPresent())
                        .toList());
        return overdue.stream()
                .map(c -> ledger.inTransaction(stores -> {
                    Campaign current = CampaignLedger.load(stores, c.id());
                    Campaign after =
                            current.change().state(CampaignState.EXPIRED).apply(ledger.now());
                    String note = current.ofauthMessageId().isPresent()
                            ? "This edit was not approved before the send time; the version approved earlier went out as scheduled."
                            : "Not approved before its send time, so it was not sent. Compose it again with a new time.";
                    boolean speaksForItself = stores.tests()
                            .partOf(current.id())
                            .map(AbPart::isLead)
                            .orElse(true);
                    return ledger.record(
                            stores,
                            current,
                            after,
                            CampaignAction.EXPIRE,
                            CampaignLedger.SYSTEM_ACTOR,
                            "send time passed",
                            Optional.of(note).filter(n -> speaksForItself));
                }))
                .toList();
    }

    public Optional<Campaign> find(long campaignId) {
        return ledger.inTransaction(stores -> stores.campaigns().find(campaignId));
    }

    /** The campaign {@code MC-number} of the workspace {@code scope} belongs to. */
    public Campaign findByNumber(ChannelRef scope, int number) {
        return ledger.inTransaction(
                        stores -> stores.campaigns().findByNumber(scope.platform(), scope.workspaceId(), number))
                .orElseThrow(() -> new CampaignException.NotFound("There is no " + Campaign.ID_PREFIX + number
                        + " in this workspace. /masscast list shows the recent ones."));
    }

    public List<Campaign> list(ChannelRef channel, Set<CampaignState> states, int limit) {
        return ledger.inTransaction(stores -> stores.campaigns().inChannel(channel, states, limit));
    }

    public List<AuditEvent> history(long campaignId) {
        return ledger.inTransaction(stores -> stores.audit().forCampaign(campaignId));
    }

    /** What OFAuth last reported about the campaign's results, once it has been sent. */
    public Optional<CampaignStats> stats(long campaignId) {
        return ledger.inTransaction(stores -> stores.stats().find(campaignId));
    }

    /**
     * What a pending campaign repeats (same or nearly the same text or media, overlapping audience, within the
     * channel's repeat window), for its card; nothing once it is decided, or while the guard is off.
     */
    public List<RepeatFinding> repeats(Campaign campaign) {
        if (campaign.state() != PENDING_APPROVAL) {
            return List.of();
        }
        return ledger.inTransaction(stores -> RepeatGuard.repeats(
                stores,
                campaign,
                CampaignChecks.binding(stores, campaign.channel()),
                ledger.now(),
                CampaignChecks.family(stores, campaign.id())));
    }

    /** The files attached to the campaign from chat, in the order they were attached. */
    public List<Attachment> attachments(long campaignId) {
        return ledger.inTransaction(stores -> stores.attachments().forCampaign(campaignId));
    }

    public List<Approval> approvals(Campaign campaign) {
        return ledger.inTransaction(stores -> stores.approvals().forCampaign(campaign.id(), campaign.fingerprint()));
    }

    /**
     * Throws the {@link CampaignException.PolicyViolation} that composing (or, with {@code campaignId}, editing) the
     * draft in {@code channel} would throw now, without storing anything: checked before files are uploaded for it.
     */
    public void checkDraft(ChannelRef channel, CampaignDraft draft, Optional<Long> campaignId) {
        ledger.inTransaction(stores ->
                check(stores, draft, CampaignChecks.binding(stores, channel), ledger.now(), campaignId.orElse(0L)));
    }

    private SendPolicy.DraftVerdict check(Stores stores, CampaignDraft draft, Binding binding, Instant now, long self) {
        SendPolicy.DraftVerdict verdict =
                sendPolicy.checkDraft(draft, binding, now, CampaignChecks.sends(stores, binding.connectionId()), self);
        if (!verdict.ok()) {
            throw new CampaignException.PolicyViolation(verdict.errors());
        }
        return verdict;
    }

    private Campaign recordCancel(Stores stores, Campaign current, Actor actor, String detail, boolean withNote) {
        Campaign after = current.change().state(CampaignState.CANCELLED).apply(ledger.now());
        return ledger.record(
                stores,
                current,
                after,
                CampaignAction.CANCEL,
                actor.userId(),
                detail,
                Optional.of("Cancelled by " + Mention.of(actor.userId()) + ".").filter(note -> withNote));
    }

    /** Deletes the message at OFAuth; one OFAuth no longer has is already gone (an earlier attempt may have deleted it). */
    private void deleteAtOfAuth(Campaign campaign, long messageId, String what) {
        try {
            ofauth.deleteMassMessage(campaign.connectionId(), messageId);
        } catch (OfAuthFailure.NotFound alreadyGone) {
            LOG.info(
                    "{}: OFAuth no longer has message {}; treating the {} as done",
                    campaign.humanId(),
                    messageId,
                    what);
        } catch (OfAuthFailure failure) {
            throw new CampaignException.OfAuthRefused(
                    "OFAuth did not " + what + " " + campaign.humanId() + ": " + failure.getMessage()
                            + ". Nothing changed in masscast; check the message in OnlyFans or try again.");
        }
    }

    private Campaign decideDoubt(long campaignId, Actor actor, CampaignAction action, CampaignState to, String note) {
        return ledger.inTransaction(stores -> {
            Campaign current = CampaignLedger.load(stores, campaignId);
            CampaignLedger.require(action, current);
            Binding binding = CampaignChecks.binding(stores, current.channel());
            if (!permissions.isApprover(binding, actor) && !permissions.isAdmin(actor)) {
                throw new CampaignException.NotPermitted(
                        "Only an approver or an admin can decide what happened to " + current.humanId() + ".");
            }
            // "sent" keeps when its request left: a message OFAuth lists from then on may be this campaign's, and
            // the reconciler must not give it to another one; "send again" starts a new request
            Campaign.Changes change = current.change().state(to).note(Optional.empty());
            Campaign after = (to == APPROVED ? change.requestStartedAt(Optional.empty()) : change).apply(ledger.now());
            return ledger.record(
                    stores, current, after, action, actor.userId(), "decided by a person", Optional.of(note));
        });
    }
}
