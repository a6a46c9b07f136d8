package io.masscast.core.campaign;

import static io.masscast.testing.CampaignTestData.ALICE;
import static io.masscast.testing.CampaignTestData.BOB;
import static io.masscast.testing.CampaignTestData.CHANNEL;
import static io.masscast.testing.CampaignTestData.draft;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.Fan;
import io.masscast.core.model.MessageReceipt;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.policy.Permissions;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingOfAuthGateway;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one report of OFAuth's analytics writes, and what it must not. */
class StatsServiceTest {
    private static final Duration NOTES = Duration.ofMinutes(5);

    private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    private final InMemoryStores stores = new InMemoryStores();
    private final CampaignService campaigns =
            new CampaignService(stores, new RecordingOfAuthGateway(), new Permissions(Set.of("root")), clock);
    private final SubmissionService submissions = new SubmissionService(stores, clock);
    private final StatsService stats = new StatsService(stores, clock);
    private Campaign campaign;

    @BeforeEach
    void aSentPpv() {
        new BindingService(stores, new Permissions(Set.of("root")))
                .bind(Actor.of("root", "Root"), CampaignTestData.binding());
        Campaign composed = campaigns.compose(CHANNEL, ALICE, draft().build()).campaign();
        campaigns.approve(composed.id(), BOB, composed.fingerprint());
        submissions.claim(composed.id(), "w", Duration.ofMinutes(1));
        campaign = submissions.recordAccepted(
                composed.id(), "w", new MessageReceipt(77, clock.instant(), false, true, 600, false, false, 2412));
        stores.inTransaction(s -> {
            s.outbox().pending(CHANNEL.platform(), 100).forEach(e -> s.outbox().delivered(e.id()));
            return null;
        });
    }

    private static SentMessageStats row(long sent, long viewed, long bought) {
        return new SentMessageStats(
                77,
                Instant.parse("2026-03-20T10:00:00Z"),
                "New set is up 🔥",
                sent,
                viewed,
                bought,
                new BigDecimal("12.50"),
                Optional.empty(),
                2,
                false,
                true,
                500);
    }

    private List<OutboxEntry> outbox() {
        return stores.pendingOutbox();
    }

    @Test
    void aReportThatChangesNothingWritesNothingForTheChannel() {
        stats.record(campaign.id(), Optional.of(row(2412, 1000, 3)), true);
        assertThat(outbox()).extracting(OutboxEntry::kind).contains(OutboxEntry.Kind.CARD);
        stores.inTransaction(s -> {
            outbox().forEach(e -> s.outbox().delivered(e.id()));
            return null;
        });
        int snapshots = stats.snapshots(campaign.id()).size();

        clock.advance(Duration.ofMinutes(1));
        stats.record(campaign.id(), Optional.of(row(2412, 1000, 3)), true);

        assertThat(outbox()).isEmpty();
        assertThat(stats.snapshots(campaign.id())).hasSize(snapshots);
        assertThat(stats.stats(campaign.id()).orElseThrow().asOf())
                .as("but when OFAuth last reported is kept")
                .contains(clock.instant());
    }

    @Test
    void theFiguresComeFromTheRowAndRevenueFromPurchasesTimesPrice() {
        StatsService.Followed followed = stats.record(campaign.id(), Optional.of(row(1200, 500, 4)), true);

        assertThat(followed.stats().figures().revenue()).isEqualByComparingTo("50.00");
        assertThat(followed.stats().figures().revenueReported()).isFalse();
        assertThat(followed.buyersToRead()).isEqualTo(4);
        assertThat(campaigns.find(campaign.id()).orElseThrow().state())
                .as("1,200 of 2,412")
                .isEqualTo(CampaignState.SENDING);
    }

    @Test
    void noRowMeansMissingOnlyAfterAFullListingAndOnceTheMessageHadTimeToAppear() {
        stats.record(campaign.id(), Optional.empty(), true);
        stats.record(campaign.id(), Optional.empty(), false);
        clock.advance(Duration.ofMinutes(11));
        stats.record(campaign.id(), Optional.empty(), false);
        assertThat(stats.stats(campaign.id()).flatMap(s -> s.missingSince())).isEmpty();

        stats.record(campaign.id(), Optional.empty(), true);
        stats.record(campaign.id(), Optional.empty(), true);

        assertThat(stats.stats(campaign.id()).flatMap(s -> s.missingSince())).contains(clock.instant());
        assertThat(outbox())
                .filteredOn(e -> e.kind() == OutboxEntry.Kind.THREAD_NOTE)
                .singleElement()
                .extracting(OutboxEntry::text)
                .asString()
                .startsWith("OFAuth no longer lists MC-1 among the sent messages");
    }

    @Test
    void buyersAreAnnouncedAtOnceThenAtMostEveryIntervalEachOnce() {
        stats.record(campaign.id(), Optional.of(row(2412, 1000, 3)), true);
        stats.storeBuyers(campaign.id(), List.of(new Fan("1", "dan.k", "Dan"), new Fan("2", "u2", "Jake")));
        assertThat(stats.announceBuyers(campaign.id(), NOTES)).isTrue();
        assertThat(stats.storeBuyers(campaign.id(), List.of(new Fan("2", "u2", "Jake"), new Fan("3", "", "Mia"))))
                .as("Jake was seen before")
                .isEqualTo(1);

        clock.advance(Duration.ofMinutes(4));
        assertThat(stats.announceBuyers(campaign.id(), NOTES)).isFalse();
        clock.advance(Duration.ofMinutes(1));
        assertThat(stats.announceBuyers(campaign.id(), NOTES)).isTrue();
        clock.advance(Duration.ofMinutes(10));
        assertThat(stats.announceBuyers(campaign.id(), NOTES)).as("nobody new").isFalse();

        assertThat(outbox())
                .filteredOn(e -> e.kind() == OutboxEntry.Kind.THREAD_NOTE)
                .extracting(OutboxEntry::text)
                .containsExactly(
                        "+2 buyers: @dan.k, Jake · +$25.00 · total 3 / $37.50",
                        "+1 buyer: Mia · +$12.50 · total 3 / $37.50");
    }

    @Test
    void aBuyersReadThatStoppedEarlyKeepsWhereToGoOnAndACompleteOneReachesThePurchaseCount() {
        stats.record(campaign.id(), Optional.of(row(2412, 1000, 45)), true);

        stats.buyersCaughtUp(campaign.id(), Optional.of(1751360001L));
        assertThat(stats.stats(campaign.id()).orElseThrow().buyerMarker()).contains(1751360001L);
        assertThat(stats.stats(campaign.id()).orElseThrow().hasUnreadBuyers()).isTrue();

        stats.buyersCaughtUp(campaign.id(), Optional.empty());
        assertThat(stats.stats(campaign.id()).orElseThrow().buyerMarker()).isEmpty();
        assertThat(stats.stats(campaign.id()).orElseThrow().buyersRead()).isEqualTo(45);
        assertThat(stats.record(campaign.id(), Optional.of(row(2412, 1000, 45)), true)
                        .buyersToRead())
                .isZero();
    }
}
