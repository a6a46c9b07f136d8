package io.masscast.jobs;

import static io.masscast.testing.CampaignTestData.ALICE;
import static io.masscast.testing.CampaignTestData.BOB;
import static io.masscast.testing.CampaignTestData.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.StatsSettings;
import io.masscast.core.campaign.AbTestService;
import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.campaign.Mention;
import io.masscast.core.command.CampaignViews;
import io.masscast.core.command.Card;
import io.masscast.core.command.FanListCache;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatImage;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.Platform;
import io.masscast.core.policy.Permissions;
import io.masscast.core.port.ChatNotifier;
import io.masscast.core.port.NotDelivered;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingNotifier;
import io.masscast.testing.RecordingOfAuthGateway;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OutboxDispatcherJobTest {
    private static final ChannelRef SLACK_CHANNEL = new ChannelRef(Platform.SLACK, "T1", "C1");
    private static final Duration LEASE = Duration.ofMinutes(1);

    private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    private final InMemoryStores stores = new InMemoryStores();
    private final Permissions permissions = new Permissions(Set.of("root"));
    private final CampaignService campaigns =
            new CampaignService(stores, new RecordingOfAuthGateway(), permissions, clock);
    private final FlakyChannel channel = new FlakyChannel();
    private CampaignViews views;
    private OutboxDispatcherJob outbox;

    /** A channel that can be made to fail, and remembers every call that got through. */
    private static final class FlakyChannel implements ChatNotifier {
        final List<String> calls = new ArrayList<>();
        final List<Supplier<RuntimeException>> failures = new ArrayList<>();

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

        @Override
        public void postMessage(ChannelRef channel, String text) {
            fail();
            calls.add("message in " + channel.channelId() + ": " + text);
        }

        @Override
        public void postImage(ChannelRef channel, String caption, ChatImage image) {
            fail();
            calls.add("image in " + channel.channelId() + ": " + image.fileName() + " (" + image.size() + " bytes), "
                    + caption);
        }

        void failNext(Supplier<RuntimeException> failure) {
            failures.add(failure);
        }

        private void fail() {
            if (!failures.isEmpty()) {
                throw failures.remove(0).get();
            }
        }
    }

    @BeforeEach
    void setUp() {
        BindingService bindings = new BindingService(stores, permissions);
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
        AbTestService tests = new AbTestService(stores, new RecordingOfAuthGateway(), permissions, campaigns, clock);
        views = new CampaignViews(
                campaigns,
                tests,
                bindings,
                new FanListCache(new RecordingOfAuthGateway(), clock),
                clock,
                StatsSettings.defaults().trackFor());
        outbox = dispatcher("replica-a", Map.of(Platform.SHELL, channel));
    }

    private OutboxDispatcherJob dispatcher(String replica, Map<Platform, ChatNotifier> notifiers) {
        return new OutboxDispatcherJob(
                stores,
                views,
                notifiers,
                new SingletonWork(new LeaseKeeper(stores, clock, replica, LEASE)),
                clock,
                Duration.ofMillis(300),
                JobObserver.NONE);
    }

    private Campaign compose(ChannelRef where) {
        return campaigns
                .compose(where, ALICE, CampaignTestData.draft().build(), true)
                .campaign(); // twins on purpose
    }

    private void enqueue(OutboxEntry entry) {
        stores.inTransaction(s -> {
            s.outbox().enqueue(entry);
            return null;
        });
    }

    @Test
    void aCardIsPostedOnceAndThenUpdatedInPlace() {
        Campaign campaign = compose(CHANNEL);
        outbox.tick();
        campaigns.reject(campaign.id(), BOB, "not today");
        outbox.tick();

        assertThat(channel.calls)
                .containsExactly(
                        "post: MC-1 · PPV $12.50 for Mila Rose — awaiting approval",
                        "update ts-1: MC-1 · PPV $12.50 for Mila Rose — rejected",
                        "note in ts-1: Rejected by " + Mention.of("bob") + ": not today");
        assertThat(outbox.isIdle()).isTrue();
    }

    @Test
    void aFailedDeliveryIsRetriedLaterAndKeepsTheCampaignsOrder() {
        Campaign campaign = compose(CHANNEL);
        campaigns.reject(campaign.id(), BOB, "not today");
        channel.failNext(() -> new IllegalStateException("chat platform unavailable"));

        outbox.tick();
        assertThat(channel.calls).isEmpty();
        assertThat(outbox.isIdle()).isFalse();

        outbox.tick();
        assertThat(channel.calls).as("not due yet: backing off").isEmpty();

        clock.advance(Duration.ofSeconds(5));
        outbox.tick();
        assertThat(channel.calls)
                .containsExactly(
                        "post: MC-1 · PPV $12.50 for Mila Rose — rejected",
                        "note in ts-1: Rejected by " + Mention.of("bob") + ": not today");
    }

    @Test
    void severalChangesWaitingAtOnceRenderTheCardOnce() {
        Campaign campaign = compose(CHANNEL);
        campaigns.approve(campaign.id(), BOB, campaign.fingerprint());

        outbox.tick();

        assertThat(channel.calls)
                .containsExactly("post: MC-1 · PPV $12.50 for Mila Rose — approved, sending to OFAuth");
    }

    @Test
    void onlyTheReplicaHoldingThePlatformsLeaseDelivers() {
        compose(CHANNEL);
        new SingletonWork(new LeaseKeeper(stores, clock, "replica-b", LEASE))
                .runIfHolder(OutboxDispatcherJob.leaseName(Platform.SHELL), () -> {});

        outbox.tick();

        assertThat(channel.calls).isEmpty();
    }

    @Test
    void eachPlatformIsDeliveredByAReplicaThatHasItWhicheverReplicaTicksFirst() {
        FlakyChannel slack = new FlakyChannel();
        OutboxDispatcherJob slackOnly = dispatcher("replica-slack", Map.of(Platform.SLACK, slack));
        OutboxDispatcherJob shellOnly = dispatcher("replica-shell", Map.of(Platform.SHELL, channel));
        compose(SLACK_CHANNEL);
        compose(CHANNEL);

        slackOnly.tick();
        shellOnly.tick();

        assertThat(slack.calls).containsExactly("post: MC-1 · PPV $12.50 for Mila Rose — awaiting approval");
        assertThat(channel.calls).containsExactly("post: MC-1 · PPV $12.50 for Mila Rose — awaiting approval");
        assertThat(outbox.isIdle()).isTrue();
    }

    @Test
    void aReplicaKeepsDeliveringItsOtherPlatformsWhileAnotherHoldsOne() {
        FlakyChannel slack = new FlakyChannel();
        OutboxDispatcherJob both = dispatcher("replica-both", Map.of(Platform.SLACK, slack, Platform.SHELL, channel));
        new SingletonWork(new LeaseKeeper(stores, clock, "replica-other", LEASE))
                .runIfHolder(OutboxDispatcherJob.leaseName(Platform.SLACK), () -> {});
        compose(SLACK_CHANNEL);
        compose(CHANNEL);

        both.tick();

        assertThat(slack.calls).isEmpty();
        assertThat(channel.calls).containsExactly("post: MC-1 · PPV $12.50 for Mila Rose — awaiting approval");
    }

    @Test
    void channelMessagesGoOutInTheirOrderAndWaitBehindAChannelMessageThatFailed() {
        Campaign campaign = compose(CHANNEL);
        enqueue(OutboxEntry.channelMessage(CHANNEL, "first", clock.instant()));
        enqueue(OutboxEntry.channelMessage(CHANNEL, "second", clock.instant()));
        channel.failNext(() -> new IllegalStateException("card refused"));
        channel.failNext(() -> new NotDelivered("channel_not_found", null));

        outbox.tick();
        assertThat(channel.calls)
                .as("a failing card holds only its campaign; the failed message holds its channel")
                .isEmpty();

        clock.advance(Duration.ofSeconds(5));
        outbox.tick();

        assertThat(channel.calls)
                .containsExactly(
                        "post: MC-" + campaign.number() + " · PPV $12.50 for Mila Rose — awaiting approval",
                        "message in mila: first",
                        "message in mila: second");
    }

    @Test
    void aNoteThePlatformCertainlyDidNotPostIsPostedOnceLater() {
        Campaign campaign = compose(CHANNEL);
        outbox.tick();
        campaigns.reject(campaign.id(), BOB, "not today");
        channel.failNext(() -> new IllegalStateException("card update failed")); // card retried, note waits behind
        outbox.tick();
        clock.advance(Duration.ofSeconds(5));
        channel.failNext(() -> new NotDelivered("ratelimited", null));
        outbox.tick();
        clock.advance(Duration.ofSeconds(10));
        outbox.tick();
        outbox.tick();

        assertThat(channel.calls)
                .filteredOn(call -> call.startsWith("note"))
                .containsExactly("note in ts-1: Rejected by " + Mention.of("bob") + ": not today");
        assertThat(outbox.isIdle()).isTrue();
    }

    @Test
    void aNoteWhosePostMayHaveReachedTheChannelIsNotPostedAgain() {
        Campaign campaign = compose(CHANNEL);
        outbox.tick();
        enqueue(OutboxEntry.threadNote(campaign, "+3 buyers", clock.instant()));
        channel.failNext(() -> new IllegalStateException("read timed out"));
        outbox.tick();
        clock.advance(Duration.ofMinutes(30));
        outbox.tick();

        assertThat(channel.calls).noneMatch(call -> call.contains("+3 buyers"));
        assertThat(outbox.isIdle())
                .as("counted as delivered: it may be in the thread")
                .isTrue();
    }

    @Test
    void aNoteLeftMarkedByAReplicaThatStoppedMidPostIsNotPostedAgainByTheNextOne() {
        Campaign campaign = compose(CHANNEL);
        outbox.tick();
        enqueue(OutboxEntry.threadNote(campaign, "+3 buyers", clock.instant()));
        long noteId = stores.pendingOutbox().get(0).id();
        stores.inTransaction(s -> s.outbox().markAttempt(noteId, clock.instant())); // ... and then the process died

        clock.advance(LEASE.plusSeconds(1)); // its lease lapses
        dispatcher("replica-b", Map.of(Platform.SHELL, channel)).tick();
        outbox.tick();

        assertThat(channel.calls).containsExactly("post: MC-1 · PPV $12.50 for Mila Rose — awaiting approval");
        assertThat(outbox.isIdle()).isTrue();
    }

    private static ChatImage chart() {
        return new ChatImage("digest-mila-2026-03-20-1100.png", "revenue per day", new byte[] {
            (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3
        });
    }

    private void enqueueImage(String caption) {
        stores.inTransaction(s -> {
            s.outbox().enqueue(OutboxEntry.channelImage(CHANNEL, caption, clock.instant()), chart());
            return null;
        });
    }

    @Test
    void anImageIsPostedWithItsCaptionAndItsStoredBytes() {
        enqueueImage("*Daily digest*");

        outbox.tick();
        outbox.tick();

        assertThat(channel.calls)
                .containsExactly("image in mila: digest-mila-2026-03-20-1100.png (11 bytes), *Daily digest*");
        assertThat(outbox.isIdle()).isTrue();
    }

    @Test
    void anImageThePlatformCertainlyDidNotPostIsPostedOnceLaterAndOneThatMayHaveArrivedIsNot() {
        enqueueImage("retried");
        channel.failNext(() -> new NotDelivered("upload failed", null));
        outbox.tick();
        clock.advance(Duration.ofSeconds(5));
        outbox.tick();
        enqueueImage("maybe shown");
        channel.failNext(() -> new IllegalStateException("read timed out")); // the share may have gone through
        outbox.tick();
        clock.advance(Duration.ofMinutes(5));
        outbox.tick();

        assertThat(channel.calls).containsExactly("image in mila: digest-mila-2026-03-20-1100.png (11 bytes), retried");
        assertThat(outbox.isIdle()).isTrue();
    }

    @Test
    void anImageLeftMarkedByAReplicaThatStoppedMidPostIsNotPostedAgain() {
        enqueueImage("*Daily digest*");
        long id = stores.pendingOutbox().get(0).id();
        stores.inTransaction(s -> s.outbox().markAttempt(id, clock.instant())); // ... and then the process died

        clock.advance(Duration.ofMinutes(1));
        dispatcher("replica-b", Map.of(Platform.SHELL, channel)).tick();

        assertThat(channel.calls).isEmpty();
        assertThat(outbox.isIdle()).isTrue();
    }

    @Test
    void aCardsLinkIsKeptWhenItIsFirstPostedAndForgottenWhenItIsPostedAnew() {
        RecordingNotifier linked = new RecordingNotifier();
        OutboxDispatcherJob dispatcher = dispatcher("replica-a", Map.of(Platform.SHELL, linked));
        Campaign campaign = compose(CHANNEL);
        dispatcher.tick();
        Optional<String> link = stores.inTransaction(s -> s.cards().permalink(campaign.id()));
        campaigns.reject(campaign.id(), BOB, "not today");
        dispatcher.tick();
        Optional<String> afterUpdate = stores.inTransaction(s -> s.cards().permalink(campaign.id()));
        stores.inTransaction(s -> {
            s.cards().save(campaign.id(), "msg-elsewhere"); // the card was posted again as another message
            return null;
        });

        Optional<String> afterRepost = stores.inTransaction(s -> s.cards().permalink(campaign.id()));

        assertThat(link).contains("https://chat.example/mila/msg-1");
        assertThat(afterUpdate).isEqualTo(link);
        assertThat(afterRepost).isEmpty();
    }
}
