package io.masscast.core.command;

import io.masscast.core.campaign.AbTestService;
import io.masscast.core.campaign.CampaignException;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.campaign.Fingerprint;
import io.masscast.core.model.AbTestParts;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.policy.Excerpt;
import io.masscast.core.policy.Fields;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Approve, reject, cancel, unsend and the in-doubt decisions: typed as commands or clicked on a card. A campaign of an
 * A/B test is approved, rejected, cancelled and unsent with its whole test. An approval of a campaign (or test) that
 * repeats a recent one answers with a confirmation to make first ({@link Reply.Confirm}, {@code confirm=yes} typed).
 */
public final class DecisionCommands {
    private final CampaignService campaigns;
    private final AbTestService tests;
    private final Clock clock;

    public DecisionCommands(CampaignService campaigns, AbTestService tests, Clock clock) {
        this.campaigns = campaigns;
        this.tests = tests;
        this.clock = clock;
    }

    /** A typed approve approves the version the card shows now; the reply names it. */
    Reply approve(CommandRouter.Invocation invocation) {
        Campaign campaign = CampaignRefs.resolve(campaigns, invocation, "approve MC-ID [confirm=yes]");
        Optional<Boolean> confirmed = confirmed(invocation);
        if (confirmed.isEmpty()) {
            return Reply.privately(
                    Excerpt.of(invocation.named().get(Fields.CONFIRM).text()) + " is not yes or no: write"
                            + " /masscast approve " + campaign.humanId()
                            + " confirm=yes to approve it although it repeats a recent"
                            + " campaign.");
        }
        Optional<AbTestParts> test = tests.ofCampaign(campaign.id());
        String shown = test.map(AbTestService::fingerprint).orElse(campaign.fingerprint());
        return approve(test.map(AbTestParts::lead).orElse(campaign), invocation.actor(), shown, confirmed.get());
    }

    Reply reject(CommandRouter.Invocation invocation) {
        Campaign campaign = CampaignRefs.resolve(campaigns, invocation, "reject MC-ID REASON");
        String reason = invocation
                .rest()
                .substring(Math.min(
                        invocation.rest().length(),
                        invocation.positional().get(0).length()))
                .strip();
        return reject(campaign, invocation.actor(), reason);
    }

    Reply cancel(CommandRouter.Invocation invocation) {
        return cancel(CampaignRefs.resolve(campaigns, invocation, "cancel MC-ID"), invocation.actor());
    }

    Reply unsend(CommandRouter.Invocation invocation) {
        return unsend(CampaignRefs.resolve(campaigns, invocation, "unsend MC-ID"), invocation.actor());
    }

    Reply markSent(CommandRouter.Invocation invocation) {
        Campaign campaign = CampaignRefs.resolve(campaigns, invocation, "mark-sent MC-ID");
        return Reply.privately(
                campaigns.confirmSent(campaign.id(), invocation.actor()).humanId() + " is marked as sent.");
    }

    Reply sendAgain(CommandRouter.Invocation invocation) {
        Campaign campaign = CampaignRefs.resolve(campaigns, invocation, "send-again MC-ID");
        return Reply.privately(
                campaigns.sendAgain(campaign.id(), invocation.actor()).humanId() + " will be sent again.");
    }

    /** A button on a card; the click carries the version its card showed. */
    Reply click(ChannelRef channel, Actor actor, ActionId action, Optional<String> input) {
        Campaign campaign = CampaignRefs.inWorkspace(campaigns, channel, action.campaignId());
        long id = campaign.id();
        return switch (action.verb()) {
            case APPROVE -> approve(campaign, actor, action.fingerprint(), false);
            case APPROVE_REPEAT -> approve(campaign, actor, action.fingerprint(), true);
            case REJECT -> reject(campaign, actor, input.orElse(""));
            case CANCEL -> cancel(campaign, actor);
            case UNSEND -> unsend(campaign, actor);
            case MARK_SENT -> Reply.privately(campaigns.confirmSent(id, actor).humanId() + " is marked as sent.");
            case SEND_AGAIN -> Reply.privately(campaigns.sendAgain(id, actor).humanId() + " will be sent again.");
            case EDIT -> throw new IllegalArgumentException("edit opens a form; the router handles it");
        };
    }

    /** Approves a campaign, or the test it leads; a repeat asks for one more confirmation first. */
    private Reply approve(Campaign campaign, Actor actor, String shownFingerprint, boolean repeatConfirmed) {
        Optional<AbTestParts> test = tests.ofCampaign(campaign.id());
        try {
            if (test.isPresent()) {
                return approved(tests.approve(test.get().test().id(), actor, shownFingerprint, repeatConfirmed), test);
            }
            return approved(campaigns.approve(campaign.id(), actor, shownFingerprint, repeatConfirmed), test);
        } catch (CampaignException.RepeatUnconfirmed repeat) {
            Campaign subject = test.map(AbTestParts::lead).orElse(campaign);
            String what = test.isPresent() ? "the A/B test " + subject.humanId() : subject.humanId();
            CardAction.Confirm confirm = RepeatText.confirmation(what, repeat.repeats(), clock.instant());
            return new Reply.Confirm(new CardAction(
                    "Approve anyway",
                    new ActionId(ActionId.Verb.APPROVE_REPEAT, subject.id(), shownFingerprint),
                    CardAction.Style.PRIMARY,
                    Optional.of(confirm),
                    Optional.of(subject.humanId())));
        }
    }

    private Reply reject(Campaign campaign, Actor actor, String reason) {
        Optional<AbTestParts> test = tests.ofCampaign(campaign.id());
        if (test.isPresent()) {
            tests.reject(test.get().test().id(), actor, reason);
            return Reply.privately("The A/B test " + test.get().lead().humanId() + " is rejected, every variant; the"
                    + " requester sees your reason on the card.");
        }
        return Reply.privately(campaigns.reject(campaign.id(), actor, reason).humanId()
                + " is rejected; the requester sees your reason on the card.");
    }

    private Reply cancel(Campaign campaign, Actor actor) {
        Optional<AbTestParts> test = tests.ofCampaign(campaign.id());
        if (test.isPresent()) {
            List<Campaign> cancelled = tests.cancel(test.get().test().id(), actor);
            return Reply.privately(
                    "The A/B test " + test.get().lead().humanId() + " is cancelled (" + ids(cancelled) + ").");
        }
        return Reply.privately(campaigns.cancel(campaign.id(), actor).humanId() + " is cancelled.");
    }

    private Reply unsend(Campaign campaign, Actor actor) {
        Optional<AbTestParts> test = tests.ofCampaign(campaign.id());
        if (test.isPresent()) {
            List<Campaign> unsent = tests.unsend(test.get().test().id(), actor);
            return Reply.privately("The A/B test " + test.get().lead().humanId() + " is unsent (" + ids(unsent)
                    + "). Fans who already bought it keep access.");
        }
        return Reply.privately(campaigns.unsend(campaign.id(), actor).humanId()
                + " is unsent. Fans who already bought it keep access.");
    }

    /** {@code confirm=yes} on a typed approve; empty if it is neither yes nor no. */
    private static Optional<Boolean> confirmed(CommandRouter.Invocation invocation) {
        FieldValue value = invocation.named().get(Fields.CONFIRM);
        if (value == null) {
            return Optional.of(false);
        }
        if (value instanceof FieldValue.Flag flag) {
            return Optional.of(flag.value());
        }
        return switch (value.text().strip().toLowerCase(Locale.ROOT)) {
            case "yes", "true", "on", "1" -> Optional.of(true);
            case "no", "false", "off", "0" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static Reply approved(CampaignService.Approved result, Optional<AbTestParts> test) {
        Campaign campaign = result.campaign();
        String what = test.map(t -> "the A/B test " + campaign.humanId()).orElse(campaign.humanId());
        String version = test.isPresent() ? "" : " (version " + Fingerprint.shortForm(campaign.fingerprint()) + ")";
        if (!result.complete()) {
            int missing = result.required() - result.approvals().size();
            String needs = "You approved " + what + version + ". It needs " + missing + " more approval"
                    + (missing == 1 ? "" : "s");
            return Reply.privately(
                    result.stillToApprove().size() < missing
                            ? needs + ", and " + (result.stillToApprove().isEmpty() ? "nobody" : "too few") + " left"
                                    + " may give " + (missing == 1 ? "it" : "them")
                                    + ": an admin names approvers with /masscast policy approvers=..."
                            : needs + " from other approvers.");
        }
        String next =
                campaign.scheduledAt().isPresent() ? "it will be scheduled at OFAuth now." : "it is being sent now.";
        String all =
                test.map(t -> ", every variant (" + ids(t.campaigns()) + ");").orElse(";");
        return Reply.privately("You approved " + what + version + all + " " + next);
    }

    private static String ids(List<Campaign> campaigns) {
        return campaigns.stream().map(Campaign::humanId).collect(Collectors.joining(", "));
    }
}
