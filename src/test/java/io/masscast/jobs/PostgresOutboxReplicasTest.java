package io.masscast.jobs;

import static io.masscast.testing.CampaignTestData.ALICE;
import static io.masscast.testing.CampaignTestData.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.DatabaseSettings;
import io.masscast.config.StatsSettings;
import io.masscast.core.campaign.AbTestService;
import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.command.CampaignViews;
import io.masscast.core.command.FanListCache;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import io.masscast.core.policy.Permissions;
import io.masscast.core.port.ChatNotifier;
import io.masscast.store.Database;
import io.masscast.store.TestDatabases;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingNotifier;
import io.masscast.testing.RecordingOfAuthGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox on PostgreSQL shared by replicas that have different chat platforms (each its own connection pool): every
 * platform's cards go out through a replica that has that platform, once, whichever replica ticks first.
 */
class PostgresOutboxReplicasTest {
    private static final ChannelRef SLACK_CHANNEL = new ChannelRef(Platform.SLACK, "T1", "C1");
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    private final DatabaseSettings settings = TestDatabases.postgresConfig();
    private final List<Database> pools = new ArrayList<>();
    private final Database db = pool();
    private final Permissions permissions = new Permissions(Set.of("root"));
    private final CampaignService campaigns = new CampaignService(db, new RecordingOfAuthGateway(), permissions, clock);
    private final BindingService bindings = new BindingService(db, permissions);

    @AfterEach
    void closePools() {
        pools.forEach(Database::close);
    }

    private Database pool() {
        Database pool = Database.open(settings);
        pools.add(pool);
        return pool;
    }

    /** A replica with its own pool, delivering the platforms it has. */
    private OutboxDispatcherJob replica(String name, Map<Platform, ChatNotifier> notifiers) {
        Database own = pool();
        CampaignService campaigns = new CampaignService(own, new RecordingOfAuthGateway(), permissions, clock);
        AbTestService tests = new AbTestService(own, new RecordingOfAuthGateway(), permissions, campaigns, clock);
        CampaignViews views = new CampaignViews(
                campaigns,
                tests,
                new BindingService(own, permissions),
                new FanListCache(new RecordingOfAuthGateway(), clock),
                clock,
                StatsSettings.defaults().trackFor());
        return new OutboxDispatcherJob(
                own,
                views,
                notifiers,
                new SingletonWork(new LeaseKeeper(own, clock, name, LEASE)),
                clock,
                Duration.ofMillis(300),
                JobObserver.NONE);
    }

    @Test
    void eachPlatformGoesOutOnceThroughAReplicaThatHasIt() {
        bindings.bind(Actor.of("root", "Root"), CampaignTestData.binding());
        bindings.bind(
                Actor.of("root", "Root"),
                new Binding(
                        SLACK_CHANNEL,
                        "conn_demo",
                        "Mila Rose",
                        CampaignTestData.BERLIN,
                        Set.of("bob"),
                        BindingPolicy.defaults()));
        RecordingNotifier slackOfBoth = new RecordingNotifier();
        RecordingNotifier shellOfBoth = new RecordingNotifier();
        RecordingNotifier slackOfSlackOnly = new RecordingNotifier();
        OutboxDispatcherJob both =
                replica("replica-both", Map.of(Platform.SLACK, slackOfBoth, Platform.SHELL, shellOfBoth));
        OutboxDispatcherJob slackOnly = replica("replica-slack", Map.of(Platform.SLACK, slackOfSlackOnly));
        campaigns.compose(SLACK_CHANNEL, ALICE, CampaignTestData.draft().build());
        campaigns.compose(
                CHANNEL,
                ALICE,
                CampaignTestData.draft().build(),
                true); // the same drop in a second channel, on purpose

        slackOnly.tick(); // takes Slack's lease first
        both.tick();
        slackOnly.tick();
        both.tick();

        assertThat(slackOfSlackOnly.posted())
                .as("Slack, by the replica that ticked first")
                .isEqualTo(1);
        assertThat(slackOfBoth.posted()).as("Slack, by the other").isZero();
        assertThat(shellOfBoth.posted())
                .as("the terminal, which only one replica has")
                .isEqualTo(1);
        assertThat(both.isIdle()).isTrue();
    }
}
