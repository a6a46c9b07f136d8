package io.masscast.testing;

import io.masscast.adapter.common.ChatCore;
import io.masscast.adapter.common.LocalSeenRequests;
import io.masscast.chart.XChartRenderer;
import io.masscast.config.StatsSettings;
import io.masscast.core.besttime.BestTimeService;
import io.masscast.core.campaign.AbTestService;
import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.campaign.MediaUploadService;
import io.masscast.core.command.AdminCommands;
import io.masscast.core.command.BestTimeCommands;
import io.masscast.core.command.CampaignViews;
import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.ComposeCommands;
import io.masscast.core.command.DecisionCommands;
import io.masscast.core.command.DigestCommands;
import io.masscast.core.command.FanListCache;
import io.masscast.core.command.FormOptions;
import io.masscast.core.command.ReadCommands;
import io.masscast.core.digest.DigestService;
import io.masscast.core.policy.Permissions;
import io.masscast.core.port.OfAuthGateway;
import io.masscast.core.port.SeenRequests;
import io.masscast.core.port.Transactor;
import java.time.Clock;
import java.util.Set;

/** The core's command layer assembled as the app assembles it, over the given stores and OFAuth. */
public record CommandLayer(
        CampaignService campaigns,
        CampaignViews views,
        CommandRouter router,
        FormOptions formOptions,
        ChatCore chat,
        RecordingInteractions acks) {

    public static CommandLayer over(Transactor stores, OfAuthGateway ofauth, Clock clock, Set<String> admins) {
        return over(stores, ofauth, clock, admins, new LocalSeenRequests());
    }

    /** With the memory of signed requests seen that a replica shares with others. */
    public static CommandLayer over(
            Transactor stores, OfAuthGateway ofauth, Clock clock, Set<String> admins, SeenRequests seen) {
        Permissions permissions = new Permissions(admins);
        CampaignService campaigns = new CampaignService(stores, ofauth, permissions, clock);
        BindingService bindings = new BindingService(stores, permissions);
        FanListCache lists = new FanListCache(ofauth, clock);
        AbTestService tests = new AbTestService(stores, ofauth, permissions, campaigns, clock);
        CampaignViews views = new CampaignViews(
                campaigns,
                tests,
                bindings,
                lists,
                clock,
                StatsSettings.defaults().trackFor());
        XChartRenderer charts = new XChartRenderer();
        BestTimeService bestTimes = new BestTimeService(stores, charts, clock);
        CommandRouter router = new CommandRouter(
                new ComposeCommands(
                        campaigns, tests, bindings, lists, bestTimes, new MediaUploadService(ofauth), clock),
                new DecisionCommands(campaigns, tests, clock),
                new ReadCommands(campaigns, bindings, views, lists, ofauth, clock),
                new AdminCommands(bindings, ofauth),
                new DigestCommands(new DigestService(
                        stores,
                        charts,
                        clock,
                        "test-replica",
                        StatsSettings.defaults().trackFor())),
                new BestTimeCommands(bestTimes));
        FormOptions options = new FormOptions(bindings, lists, ofauth, campaigns, clock);
        RecordingInteractions acks = new RecordingInteractions();
        return new CommandLayer(
                campaigns,
                views,
                router,
                options,
                new ChatCore(router, options, bindings::approverGroups, seen, acks),
                acks);
    }
}
