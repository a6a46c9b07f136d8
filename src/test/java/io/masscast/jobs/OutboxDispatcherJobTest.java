package io.masscast.jobs;

import static io.masscast.testing.CampaignTestData.ALICE;
import static io.masscast.testing.CampaignTestData.BOB;
import static io.masscast.testing.CampaignTestData.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.campaign.Mention;
import io.masscast.core.command.CampaignViews;
import io.masscast.core.command.Card;
import io.masscast.core.command.FanListCache;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import io.masscast.core.policy.Permissions;
import io.masscast.core.port.ChatNotifier;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingOfAuthGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxDispatcherJobTest {
    private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    private final InMemoryStores stores = new InMemoryStores();
    private final Permissions permissions = new Permissions(Set.of("root"));
    private final CampaignService campaigns = new CampaignService(stores, new RecordingOfAuthGateway(), permissions, clock);
    private final FlakyChannel channel = new FlakyChannel();
    private OutboxDispatcherJob outbox;

    /** A channel that can be made to fail, and remembers every call. */
    private static final class FlakyChannel implements ChatNotifier {
        final List<String> calls = new ArrayList<>();
        int failuresLeft;

        @Override
        public String showCard(ChannelRef channel, Optional<String> messageId, Card card) {
            fail();
            calls.add(messageId.map(id -> "update " + id).orElse("post") + ": " + card.title());
            return messageId.orElse("ts-1");
        }

        @Override
        public void postNote(ChannelRef channel, Optional<String> cardMessageId, String text) {
            fail();
            calls.add("note in " + cardMessageId.orElse("channel") + ": " + text);
        }

        private void fail() {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("chat platform unavailable");
            }
        }
    }

    @BeforeEach
    void setUp() {
        BindingService bindings = new BindingService(stores, permissions);
        bindings.bind(Actor.of("root", "Root"), CampaignTestData.binding());
        CampaignViews views = new CampaignViews(campaigns, bindings, new FanListCache(new RecordingOfAuthGateway(), clock), clock);
        outbox = new OutboxDispatcherJob(stores, views, Map.of(Platform.SHELL, channel),
                new SingletonWork(new LeaseKeeper(stores, clock, "replica-a", Duration.ofMinutes(1))), clock, Duration.ofMillis(300));
    }

    @Test
    void aCardIsPostedOnceAndThenUpdatedInPlace() {
        Campaign campaign = campaigns.compose(CHANNEL, ALICE, CampaignTestData.draft().build()).campaign();
        outbox.tick();
        campaigns.reject(campaign.id(), BOB, "not today");
        outbox.tick();

        assertThat(channel.calls).containsExactly(
                "post: MC-1 · PPV $12.50 for Mila Rose — awaiting approval",
                "update ts-1: MC-1 · PPV $12.50 for Mila Rose — rejected",
                "note in ts-1: Rejected by " + Mention.of("bob") + ": not today");
        assertThat(outbox.isIdle()).isTrue();
    }

    @Test
    void aFailedDeliveryIsRetriedLaterAndKeepsTheCampaignsOrder() {
        Campaign campaign = campaigns.compose(CHANNEL, ALICE, CampaignTestData.draft().build()).campaign();
        campaigns.reject(campaign.id(), BOB, "not today");
        channel.failuresLeft = 1;

        outbox.tick();
        assertThat(channel.calls).isEmpty();
        assertThat(outbox.isIdle()).isFalse();

        outbox.tick();
        assertThat(channel.calls).as("not due yet: backing off").isEmpty();

        clock.advance(Duration.ofSeconds(5));
        outbox.tick();
        assertThat(channel.calls).containsExactly(
                "post: MC-1 · PPV $12.50 for Mila Rose — rejected",
                "note in ts-1: Rejected by " + Mention.of("bob") + ": not today");
    }

    @Test
    void severalChangesWaitingAtOnceRenderTheCardOnce() {
        Campaign campaign = campaigns.compose(CHANNEL, ALICE, CampaignTestData.draft().build()).campaign();
        campaigns.approve(campaign.id(), BOB, campaign.fingerprint());

        outbox.tick();

        assertThat(channel.calls).containsExactly("post: MC-1 · PPV $12.50 for Mila Rose — approved, sending to OFAuth");
    }

    @Test
    void onlyTheReplicaHoldingTheLeaseDelivers() {
        campaigns.compose(CHANNEL, ALICE, CampaignTestData.draft().build());
        new SingletonWork(new LeaseKeeper(stores, clock, "replica-b", Duration.ofMinutes(1))).runIfHolder("outbox", () -> { });

        outbox.tick();

        assertThat(channel.calls).isEmpty();
    }
}
