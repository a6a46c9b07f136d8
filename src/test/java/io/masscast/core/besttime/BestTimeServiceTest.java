package io.masscast.core.besttime;

import static io.masscast.testing.CampaignTestData.ALICE;
import static io.masscast.testing.CampaignTestData.BERLIN;
import static io.masscast.testing.CampaignTestData.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.campaign.Mention;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.RevenueChart;
import io.masscast.core.model.WeekHeatMap;
import io.masscast.core.policy.Permissions;
import io.masscast.core.port.ChartRenderer;
import io.masscast.core.text.Markup;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingOfAuthGateway;
import io.masscast.testing.SeededHistory;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The best send times against figures worked out by hand. The history: six PPV campaigns in four hours of the
 * week (Berlin time), and five that must not count (free, too recent, too old, unsent, never reported).
 *
 * <pre>
 * slot        campaigns            recipients at 24 h   purchases at 24 h   rate
 * Sat 21:00   C (30 May 21:05)     2,000                16                  0.80 %
 * Tue 20:00   A (2 Jun 20:10),     1,000 + 3,000        9 + 15              24 / 4,000 = 0.60 %
 *             B (26 May 20:40)
 * Thu 19:00   D (28 May 19:00)     2,500                10                  0.40 %
 * Mon 09:00   E (1 Jun 09:30),     1,500 + 500          3 + 2               5 / 2,000 = 0.25 %
 *             F (8 Jun 09:15)
 * total       6 campaigns          10,500               55
 * </pre>
 * Now is Wednesday 10 June 2026, 12:00 in Berlin; the first campaign went out 14 days 15 h 20 min before, so the
 * history spans 3 weeks (rounded up). The next of the best three hours: Thu 11 Jun 19:00, Sat 13 Jun 21:00,
 * Tue 16 Jun 20:00.
 */
class BestTimeServiceTest {
    private static final Actor ADMIN = Actor.of("root", "Root");
    private static final Instant NOW = Instant.parse("2026-06-10T10:00:00Z");

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryStores stores = new InMemoryStores();
    private final Permissions permissions = new Permissions(Set.of("root"));
    private final CampaignService campaigns =
            new CampaignService(stores, new RecordingOfAuthGateway(), permissions, clock);
    private final RecordingCharts charts = new RecordingCharts();
    private final BestTimeService bestTimes = new BestTimeService(stores, charts, clock);
    private final SeededHistory history = new SeededHistory(stores);

    /** Keeps the heat maps it was asked to draw; its PNG is just the signature (the XChart test draws real ones). */
    private static final class RecordingCharts implements ChartRenderer {
        final List<WeekHeatMap> drawn = new ArrayList<>();

        @Override
        public byte[] revenuePerDay(RevenueChart chart) {
            throw new UnsupportedOperationException("best times draw no revenue chart");
        }

        @Override
        public byte[] weekHeatMap(WeekHeatMap map) {
            drawn.add(map);
            return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0};
        }
    }

    @BeforeEach
    void bindChannel() {
        new BindingService(stores, permissions).bind(ADMIN, CampaignTestData.binding());
    }

    private Binding binding() {
        return stores.inTransaction(s -> s.bindings().find(CHANNEL)).orElseThrow();
    }

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    /** A campaign sent at {@code sentAt} (Berlin), in {@code state}. */
    private Campaign sent(String sentAt, String price, CampaignState state) {
        clock.set(NOW.minus(Duration.ofDays(200)));
        Campaign composed = campaigns
                .compose(
                        CHANNEL,
                        ALICE,
                        price.equals("0")
                                ? CampaignTestData.draft().free().build()
                                : CampaignTestData.draft().price(price).build())
                .campaign();
        clock.set(NOW);
        return history.sent(composed, berlin(sentAt), state);
    }

    private Campaign sent(String sentAt) {
        return sent(sentAt, "12.50", CampaignState.SENT);
    }

    private void snapshot(Campaign campaign, Duration after, long recipients, long purchases) {
        history.snapshot(campaign, after, recipients, purchases);
    }

    private void seedHistory() {
        Campaign a = sent("2026-06-02T20:10");
        snapshot(a, Duration.ofHours(1), 1000, 5);
        snapshot(a, Duration.ofHours(23), 1000, 9);
        snapshot(a, Duration.ofHours(30), 1000, 12); // after its first 24 hours: not counted
        Campaign b = sent("2026-05-26T20:40");
        snapshot(b, Duration.ofMinutes(10), 2400, 2);
        snapshot(b, Duration.ofHours(24), 3000, 15); // taken at the 24th hour exactly: counted
        Campaign c = sent("2026-05-30T21:05");
        snapshot(c, Duration.ofHours(5), 2000, 16);
        Campaign d = sent("2026-05-28T19:00");
        snapshot(d, Duration.ofHours(2), 2500, 10);
        Campaign e = sent("2026-06-01T09:30");
        snapshot(e, Duration.ofHours(3), 1500, 3);
        Campaign f = sent("2026-06-08T09:15");
        snapshot(f, Duration.ofHours(3), 500, 2);

        Campaign free = sent("2026-06-05T18:00", "0", CampaignState.SENT);
        snapshot(free, Duration.ofHours(2), 4000, 0);
        Campaign recent = sent("2026-06-09T20:00"); // its first 24 hours are not over
        snapshot(recent, Duration.ofHours(2), 9000, 900);
        Campaign old = sent("2026-02-01T20:00"); // before the 12 weeks read
        snapshot(old, Duration.ofHours(2), 9000, 900);
        Campaign unsent = sent("2026-06-03T22:00", "12.50", CampaignState.UNSENT);
        snapshot(unsent, Duration.ofHours(2), 9000, 900);
        sent("2026-06-04T22:00"); // never reported: no snapshot
    }

    @Test
    void theBestHoursArePooledPurchasesPerRecipientInTheFirstDay() {
        seedHistory();

        BestTimes best = bestTimes.estimate(binding());

        assertThat(best.history())
                .isEqualTo(new BestTimes.History(6, 10_500, 55, 3, Optional.of(berlin("2026-05-26T20:40"))));
        assertThat(best.slots())
                .containsExactly(
                        new SlotFigures(new WeekSlot(DayOfWeek.MONDAY, 9), 2, 2000, 5),
                        new SlotFigures(new WeekSlot(DayOfWeek.TUESDAY, 20), 2, 4000, 24),
                        new SlotFigures(new WeekSlot(DayOfWeek.THURSDAY, 19), 1, 2500, 10),
                        new SlotFigures(new WeekSlot(DayOfWeek.SATURDAY, 21), 1, 2000, 16));
        assertThat(best.top())
                .extracting(SlotFigures::slot)
                .containsExactly(
                        new WeekSlot(DayOfWeek.SATURDAY, 21),
                        new WeekSlot(DayOfWeek.TUESDAY, 20),
                        new WeekSlot(DayOfWeek.THURSDAY, 19));
        assertThat(best.top()).extracting(SlotFigures::percent).containsExactly("0.80 %", "0.60 %", "0.40 %");
    }

    @Test
    void thePostNamesTheBestThreeWithTheirFiguresAndNextDates() {
        seedHistory();

        BestTimeService.Post post = bestTimes.post(bestTimes.estimate(binding()), Mention.of("alice"));

        assertThat(post.caption())
                .isEqualTo(Markup.strong("Best send times · Mila Rose") + " · asked for by "
                        + Mention.of("alice") + "\n"
                        + "From 6 PPV campaigns over the last 3 weeks: 10,500 recipients, 55 purchases within 24 h of each send.\n"
                        + "1. " + Markup.strong("Sat 21:00–22:00")
                        + " · 0.80 % bought · 1 campaign, 2,000 recipients, 16 purchases"
                        + " · next: Sat 13 Jun 21:00\n"
                        + "2. " + Markup.strong("Tue 20:00–21:00")
                        + " · 0.60 % bought · 2 campaigns, 4,000 recipients, 24 purchases"
                        + " · next: Tue 16 Jun 20:00\n"
                        + "3. " + Markup.strong("Thu 19:00–20:00")
                        + " · 0.40 % bought · 1 campaign, 2,500 recipients, 10 purchases"
                        + " · next: Thu 11 Jun 19:00\n"
                        + "Hours are Europe/Berlin. Chart: purchases per recipient within 24 h, by the hour a campaign went out;"
                        + " blank hours had no campaign.");
        assertThat(post.chart().fileName()).isEqualTo("best-time-mila-2026-06-10-1200.png");
        WeekHeatMap map = charts.drawn.get(0);
        assertThat(map.cells())
                .extracting(WeekHeatMap.Cell::day, WeekHeatMap.Cell::hour, cell -> percent(cell.value()))
                .containsExactly(
                        tuple(DayOfWeek.MONDAY, 9, "0.25"),
                        tuple(DayOfWeek.TUESDAY, 20, "0.60"),
                        tuple(DayOfWeek.THURSDAY, 19, "0.40"),
                        tuple(DayOfWeek.SATURDAY, 21, "0.80"));
        assertThat(map.marked())
                .extracting(WeekHeatMap.Cell::day)
                .containsExactly(DayOfWeek.SATURDAY, DayOfWeek.TUESDAY, DayOfWeek.THURSDAY);
    }

    private static String percent(double value) {
        return String.format(java.util.Locale.US, "%.2f", value);
    }

    @Test
    void theFormNamesTheSoonestOfTheBestThree() {
        seedHistory();

        assertThat(bestTimes.formHint(binding()))
                .isEqualTo("Best hour ahead: Thu 11 Jun 19:00 (3rd best, 0.40 % bought in 24 h).");
    }

    @Test
    void tooLittleHistoryIsSaidInsteadOfGuessed() {
        snapshot(sent("2026-06-02T20:10"), Duration.ofHours(2), 1000, 9);
        snapshot(sent("2026-06-03T20:10"), Duration.ofHours(2), 1000, 9);
        snapshot(sent("2026-06-04T21:10"), Duration.ofHours(2), 1000, 9);
        snapshot(sent("2026-06-05T21:10"), Duration.ofHours(2), 1000, 9); // 4 campaigns, 4 hours: one campaign short

        BestTimes best = bestTimes.postNow(CHANNEL, Mention.of("alice"));

        assertThat(best.enough()).isFalse();
        assertThat(best.top()).isEmpty();
        assertThat(stores.pendingOutbox())
                .as("nothing is posted")
                .extracting(OutboxEntry::kind)
                .doesNotContain(OutboxEntry.Kind.CHANNEL_IMAGE);
        assertThat(BestTimeText.tooLittle(best))
                .isEqualTo(
                        "Not enough history for a best send time yet: masscast needs"
                                + " at least 5 PPV campaigns sent at 3 or more different hours of the week, whose first 24 hours are over"
                                + " (in the last 12 weeks), and for Mila Rose there are 4 campaigns at 4 hours. It will not guess before then.");
        assertThat(bestTimes.formHint(binding())).isEqualTo("Too few past PPV campaigns to suggest a time yet.");
    }

    @Test
    void manyCampaignsInTwoHoursAreStillTooFewHours() {
        for (int week = 0; week < 6; week++) {
            snapshot(
                    sent(LocalDateTime.parse("2026-06-02T20:10")
                            .minusWeeks(week)
                            .toString()),
                    Duration.ofHours(2),
                    1000,
                    9);
        }
        snapshot(sent("2026-06-03T09:10"), Duration.ofHours(2), 1000, 9);

        BestTimes best = bestTimes.estimate(binding());

        assertThat(best.history().campaigns()).isEqualTo(7);
        assertThat(best.slots()).hasSize(2);
        assertThat(best.enough()).isFalse();
    }

    @Test
    void theNextStartOfAnHourSkippedByAClockChangeIsAWeekLater() {
        ZoneId zone = BERLIN;
        WeekSlot sundayTwo = new WeekSlot(DayOfWeek.SUNDAY, 2);
        Instant saturday = berlin("2026-03-28T12:00"); // the clocks jump from 02:00 to 03:00 that Sunday night

        assertThat(sundayTwo.next(saturday, zone, Duration.ofMinutes(1))).contains(berlin("2026-04-05T02:00"));
        assertThat(new WeekSlot(DayOfWeek.SATURDAY, 12).next(saturday, zone, Duration.ofMinutes(1)))
                .as("at least a minute ahead")
                .contains(berlin("2026-04-04T12:00"));
    }
}
