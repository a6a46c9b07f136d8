package io.masscast.core.command;

import io.masscast.core.campaign.CampaignService;
import io.masscast.core.campaign.Fingerprint;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.ChannelRef;
import java.util.Optional;

/** Approve, reject, cancel, unsend and the in-doubt decisions: typed as commands or clicked on a card. */
public final class DecisionCommands {
    private final CampaignService campaigns;

    public DecisionCommands(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /** A typed approve approves the version the card shows now; the reply names it. */
    Reply approve(CommandRouter.Invocation invocation) {
        Campaign campaign = CampaignRefs.resolve(campaigns, invocation, "approve MC-ID");
        return approved(campaigns.approve(campaign.id(), invocation.actor(), campaign.fingerprint()));
    }

    Reply reject(CommandRouter.Invocation invocation) {
        Campaign campaign = CampaignRefs.resolve(campaigns, invocation, "reject MC-ID REASON");
        String reason = invocation.rest().substring(Math.min(invocation.rest().length(),
                invocation.positional().get(0).length())).strip();
        return rejected(campaigns.reject(campaign.id(), invocation.actor(), reason));
    }

    Reply cancel(CommandRouter.Invocation invocation) {
        Campaign campaign = CampaignRefs.resolve(campaigns, invocation, "cancel MC-ID");
        return Reply.privately(campaigns.cancel(campaign.id(), invocation.actor()).humanId() + " is cancelled.");
    }

    Reply unsend(CommandRouter.Invocation invocation) {
        Campaign campaign = CampaignRefs.resolve(campaigns, invocation, "unsend MC-ID");
        return unsent(campaigns.unsend(campaign.id(), invocation.actor()));
    }

    Reply markSent(CommandRouter.Invocation invocation) {
        Campaign campaign = CampaignRefs.resolve(campaigns, invocation, "mark-sent MC-ID");
        return Reply.privately(campaigns.confirmSent(campaign.id(), invocation.actor()).humanId() + " is marked as sent.");
    }

    Reply sendAgain(CommandRouter.Invocation invocation) {
        Campaign campaign = CampaignRefs.resolve(campaigns, invocation, "send-again MC-ID");
        return Reply.privately(campaigns.sendAgain(campaign.id(), invocation.actor()).humanId() + " will be sent again.");
    }

    /** A button on a card; the click carries the version its card showed. */
    Reply click(ChannelRef channel, Actor actor, ActionId action, Optional<String> input) {
        long id = CampaignRefs.inWorkspace(campaigns, channel, action.campaignId()).id();
        return switch (action.verb()) {
            case APPROVE -> approved(campaigns.approve(id, actor, action.fingerprint()));
            case REJECT -> rejected(campaigns.reject(id, actor, input.orElse("")));
            case CANCEL -> Reply.privately(campaigns.cancel(id, actor).humanId() + " is cancelled.");
            case UNSEND -> unsent(campaigns.unsend(id, actor));
            case MARK_SENT -> Reply.privately(campaigns.confirmSent(id, actor).humanId() + " is marked as sent.");
            case SEND_AGAIN -> Reply.privately(campaigns.sendAgain(id, actor).humanId() + " will be sent again.");
            case EDIT -> throw new IllegalArgumentException("edit opens a form; the router handles it");
        };
    }

    private static Reply approved(CampaignService.Approved result) {
        Campaign campaign = result.campaign();
        String version = " (version " + Fingerprint.shortForm(campaign.fingerprint()) + ")";
        if (!result.complete()) {
            int missing = result.required() - result.approvals().size();
            return Reply.privately("You approved " + campaign.humanId() + version + ". It needs " + missing
                    + " more approval" + (missing == 1 ? "" : "s") + " from other approvers.");
        }
        String next = campaign.scheduledAt().isPresent() ? "it will be scheduled at OFAuth now." : "it is being sent now.";
        return Reply.privately("You approved " + campaign.humanId() + version + "; " + next);
    }

    private static Reply rejected(Campaign campaign) {
        return Reply.privately(campaign.humanId() + " is rejected; the requester sees your reason on the card.");
    }

    private static Reply unsent(Campaign campaign) {
        return Reply.privately(campaign.humanId() + " is unsent. Fans who already bought it keep access.");
    }
}
