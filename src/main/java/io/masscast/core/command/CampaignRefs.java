package io.masscast.core.command;

import io.masscast.core.campaign.CampaignException;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.policy.Excerpt;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the campaign a command names: {@code MC-12}, {@code mc-12} or {@code 12}, within the workspace. */
final class CampaignRefs {
    private static final Pattern REF =
            Pattern.compile("(?:" + Campaign.ID_PREFIX.toLowerCase(Locale.ROOT) + ")?(\\d{1,9})");

    private CampaignRefs() {}

    static Campaign resolve(CampaignService campaigns, CommandRouter.Invocation invocation, String usage) {
        if (invocation.positional().isEmpty()) {
            throw new CampaignException.NotFound("Say which campaign: /masscast " + usage);
        }
        String ref = invocation.positional().get(0);
        Matcher m = REF.matcher(ref.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new CampaignException.NotFound(Excerpt.of(ref) + " is not a campaign id: ids look like MC-12. "
                    + "/masscast list shows the recent ones.");
        }
        return campaigns.findByNumber(invocation.channel(), Integer.parseInt(m.group(1)));
    }

    /**
     * The campaign a button or form names by its internal id, if it belongs to the workspace the click came from;
     * one of another workspace is answered as if it did not exist.
     */
    static Campaign inWorkspace(CampaignService campaigns, ChannelRef scope, long campaignId) {
        return campaigns
                .find(campaignId)
                .filter(c -> c.channel().platform() == scope.platform()
                        && c.channel().workspaceId().equals(scope.workspaceId()))
                .orElseThrow(() -> new CampaignException.NotFound("That campaign no longer exists in this workspace."));
    }
}
