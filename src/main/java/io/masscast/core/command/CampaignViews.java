package io.masscast.core.command;

import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.FanList;
import io.masscast.core.port.OfAuthFailure;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Gathers what a campaign card shows. A card still renders when OFAuth is unreachable, without list sizes. */
public final class CampaignViews {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignViews.class);

    private final CampaignService campaigns;
    private final BindingService bindings;
    private final FanListCache lists;
    private final Clock clock;

    public CampaignViews(CampaignService campaigns, BindingService bindings, FanListCache lists, Clock clock) {
        this.campaigns = campaigns;
        this.bindings = bindings;
        this.lists = lists;
        this.clock = clock;
    }

    public CampaignView of(Campaign campaign) {
        Binding binding = bindings.require(campaign.channel());
        return new CampaignView(campaign, binding, campaigns.approvals(campaign), campaigns.history(campaign.id()),
                listsOf(campaign.connectionId()), campaigns.stats(campaign.id()), campaigns.attachments(campaign.id()),
                clock.instant());
    }

    private List<FanList> listsOf(String connectionId) {
        try {
            return lists.lists(connectionId);
        } catch (OfAuthFailure failure) {
            LOG.warn("Card rendered without list names: OFAuth lists of {} unavailable ({})", connectionId,
                    failure.getClass().getSimpleName());
            return List.of();
        }
    }
}
