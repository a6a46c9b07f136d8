package io.masscast.store;

import static io.masscast.store.StoreTestData.CHANNEL;
import static io.masscast.store.StoreTestData.T0;
import static io.masscast.store.StoreTestData.aCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatImage;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.Platform;
import io.masscast.core.model.StatsFigures;
import io.masscast.core.model.StatsSnapshot;
import io.masscast.core.port.DigestStore;
import io.masscast.core.port.Stores;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the digest needs from every database: the digest time with the binding, claims that only the first
 * claimer wins, an image kept with its outbox entry, a card's link, and the snapshots and campaigns a
 * channel's digest reads. Subclasses say which database; each test gets a new, migrated one.
 */
abstract class DigestStoreContractTest {
    private static final ChannelRef OTHER_CHANNEL = new ChannelRef(Platform.SLACK, "T-agency", "C-other");

    private Database db;

    protected abstract DatabaseSettings freshDatabase();

    @BeforeEach
    void openDatabase() {
        db = Database.open(freshDatabase());
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    private <T> T tx(Function<Stores, T> work) {
        return db.inTransaction(work);
    }

    private boolean isTrue(Function<Stores, Boolean> question) {
        return tx(question);
    }

    private Optional<ChatImage> image(long entryId) {
        return tx(s -> s.outbox().image(entryId));
    }

    private Campaign sent(ChannelRef channel, Instant at) {
        return tx(s -> s.campaigns()
                .insert(aCampaign()
                        .in(channel)
                        .state(CampaignState.SENT)
                        .sentAt(at)
                        .build()));
    }

    private StatsSnapshot snapshot(Campaign campaign, Instant at, String revenue) {
        StatsSnapshot snapshot =
                new StatsSnapshot(campaign.id(), at, new StatsFigures(10, 5, 2, new BigDecimal(revenue), true));
        tx(s -> {
            s.stats().addSnapshot(snapshot);
            return null;
        });
        return snapshot;
    }

    @Test
    void aBindingKeepsItsDigestTimeOrThatItHasNone() {
        Binding at730 = StoreTestData.plainBinding(CHANNEL)
                .withPolicy(BindingPolicy.defaults().withDigestAt(Optional.of(LocalTime.of(7, 30))));
        Binding off = StoreTestData.plainBinding(OTHER_CHANNEL)
                .withPolicy(BindingPolicy.defaults().withDigestAt(Optional.empty()));

        tx(s -> {
            s.bindings().save(at730);
            s.bindings().save(off);
            return null;
        });

        Optional<Binding> first = tx(s -> s.bindings().find(CHANNEL));
        Optional<Binding> second = tx(s -> s.bindings().find(OTHER_CHANNEL));
        assertThat(first).contains(at730);
        assertThat(second).contains(off);
        assertThat(BindingPolicy.defaults().digestAt()).contains(LocalTime.of(9, 0));
    }

    @Test
    void aPeriodIsClaimedOnceAndOtherPeriodsAndChannelsStayFree() {
        boolean claimed = tx(s -> s.digests().claim(CHANNEL, "daily:2026-06-10", DigestStore.Outcome.POSTED, T0, "a"));
        boolean again = tx(s -> s.digests().claim(CHANNEL, "daily:2026-06-10", DigestStore.Outcome.SKIPPED, T0, "b"));
        boolean nextDay = tx(s -> s.digests().claim(CHANNEL, "daily:2026-06-11", DigestStore.Outcome.SKIPPED, T0, "b"));

        assertThat(claimed).isTrue();
        assertThat(again).isFalse();
        assertThat(nextDay).isTrue();
        assertThat(isTrue(s -> s.digests().isClaimed(CHANNEL, "daily:2026-06-10")))
                .isTrue();
        assertThat(isTrue(s -> s.digests().isClaimed(CHANNEL, "daily:2026-06-12")))
                .isFalse();
        assertThat(isTrue(s -> s.digests().anyClaimed(CHANNEL))).isTrue();
        assertThat(isTrue(s -> s.digests().anyClaimed(OTHER_CHANNEL))).isFalse();
    }

    @Test
    void anImageIsKeptWithItsEntryUntilTheEntryIsDelivered() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, (byte) 0xff, 42};
        ChatImage image = new ChatImage("digest-C-lola-2026-06-10-0900.png", "revenue per day 📈", png);
        tx(s -> {
            s.outbox().enqueue(OutboxEntry.channelImage(CHANNEL, "*Daily digest*", T0), image);
            s.outbox().enqueue(OutboxEntry.channelMessage(CHANNEL, "no image", T0));
            return null;
        });
        List<OutboxEntry> pending = tx(s -> s.outbox().pending(Platform.SLACK, 10));

        assertThat(pending)
                .extracting(OutboxEntry::kind)
                .containsExactly(OutboxEntry.Kind.CHANNEL_IMAGE, OutboxEntry.Kind.CHANNEL_MESSAGE);
        assertThat(pending.get(0).text()).isEqualTo("*Daily digest*");
        assertThat(image(pending.get(0).id())).contains(image);
        assertThat(image(pending.get(1).id())).isEmpty();

        tx(s -> {
            s.outbox().delivered(pending.get(0).id());
            return null;
        });
        assertThat(image(pending.get(0).id())).isEmpty();
    }

    @Test
    void aCardsLinkLastsAsLongAsItsMessage() {
        long id = tx(s -> s.campaigns().insert(aCampaign().build())).id();
        tx(s -> {
            s.cards().save(id, "1712345678.000100");
            s.cards().savePermalink(id, "https://lola.slack.com/archives/C-lola/p1712345678000100");
            s.cards().save(id, "1712345678.000100"); // an update of the same message
            return null;
        });
        Optional<String> kept = tx(s -> s.cards().permalink(id));
        tx(s -> {
            s.cards().save(id, "1712349999.000200"); // posted anew as another message
            return null;
        });

        assertThat(kept).contains("https://lola.slack.com/archives/C-lola/p1712345678000100");
        Optional<String> forgotten = tx(s -> s.cards().permalink(id));
        assertThat(forgotten).isEmpty();
    }

    @Test
    void aChannelsSnapshotsAreTheWholeSeriesOfCampaignsThatChangedUpToTheEnd() {
        Campaign changed = sent(CHANNEL, T0);
        Campaign quiet = sent(CHANNEL, T0);
        Campaign elsewhere = sent(OTHER_CHANNEL, T0);
        StatsSnapshot early = snapshot(changed, T0.plus(Duration.ofHours(1)), "10");
        StatsSnapshot recent = snapshot(changed, T0.plus(Duration.ofDays(3)), "30");
        snapshot(changed, T0.plus(Duration.ofDays(5)), "40"); // after the end
        snapshot(quiet, T0.plus(Duration.ofHours(2)), "5");
        snapshot(elsewhere, T0.plus(Duration.ofDays(3)), "99");

        List<StatsSnapshot> series =
                tx(s -> s.stats().channelSnapshots(CHANNEL, T0.plus(Duration.ofDays(1)), T0.plus(Duration.ofDays(4))));

        assertThat(series).containsExactly(early, recent);
    }

    @Test
    void campaignsSentInAChannelAreThoseWhoseSendFallsInTheSpan() {
        Campaign before = sent(CHANNEL, T0);
        Campaign first = sent(CHANNEL, T0.plusSeconds(60));
        Campaign last = sent(CHANNEL, T0.plusSeconds(3600));
        sent(OTHER_CHANNEL, T0.plusSeconds(120));
        tx(s -> s.campaigns().insert(aCampaign().build())); // never sent

        List<Campaign> span = tx(s -> s.campaigns().sentInChannel(CHANNEL, T0, T0.plusSeconds(3600)));

        assertThat(span).extracting(Campaign::id).containsExactly(first.id(), last.id());
        assertThat(before.id()).isLessThan(first.id());
    }
}
