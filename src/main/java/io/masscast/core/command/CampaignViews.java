package io.masscast.core.command;

import io.masscast.core.abtest.TestResults;
import io.masscast.core.campaign.AbTestService;
import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.model.AbTestParts;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.FanList;
import io.masscast.core.model.RepeatFinding;
import io.masscast.core.port.OfAuthFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers what a campaign card shows. A card still renders when OFAuth is unreachable, without list sizes. The
 * campaigns of an A/B test share one card, their lead's (variant A's first message), which shows the whole test.
 */
public final class CampaignViews {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignViews.class);

    private final CampaignService campaigns;
    private final AbTestService tests;
    private final BindingService bindings;
    private final FanListCache lists;
    private final Clock clock;
    private final Duration followedFor;

    /**
     * Views read from the services, at the clock's now.
     *
     * @param followedFor how long after its send time a campaign's results are polled (an A/B test then ends)
     */
    public CampaignViews(
            CampaignService campaigns,
            AbTestService tests,
            BindingService bindings,
            FanListCache lists,
            Clock clock,
            Duration followedFor) {
        this.campaigns = campaigns;
        this.tests = tests;
        this.bindings = bindings;
        this.lists = lists;
        this.clock = clock;
        this.followedFor = followedFor;
    }

    public CampaignView of(Campaign campaign) {
        Binding binding = bindings.require(campaign.channel());
        Optional<AbTestParts> test = tests.ofCampaign(campaign.id());
        Campaign shown = test.map(AbTestParts::lead).orElse(campaign);
        List<RepeatFinding> repeats =
                test.map(t -> tests.repeats(t.test().id())).orElseGet(() -> campaigns.repeats(shown));
        Instant now = clock.instant();
        return new CampaignView(
                shown,
                binding,
                campaigns.approvals(shown),
                campaigns.history(shown.id()),
                listsOf(shown.connectionId()),
                campaigns.stats(shown.id()),
                test.map(t -> t.campaigns().stream()
                                .flatMap(c -> campaigns.attachments(c.id()).stream())
                                .toList())
                        .orElseGet(() -> campaigns.attachments(shown.id())),
                now,
                test,
                test.filter(t -> TestResults.finished(t, followedFor, now)).isPresent(),
                repeats);
    }

    /** The campaign whose card shows {@code campaignId}: itself, or the lead of its A/B test. */
    public long cardOf(long campaignId) {
        return tests.ofCampaign(campaignId).map(test -> test.lead().id()).orElse(campaignId);
    }

    private List<FanList> listsOf(String connectionId) {
        try {
            return lists.lists(connectionId);
        } catch (OfAuthFailure failure) {
            LOG.warn(
                    "Card rendered without list names: OFAuth lists of {} unavailable ({})",
                    connectionId,
                    failure.getClass().getSimpleName());
            return List.of();
        }
    }
}
