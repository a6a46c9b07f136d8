package io.masscast.core.digest;

import static io.masscast.testing.CampaignTestData.ALICE;
import static io.masscast.testing.CampaignTestData.BERLIN;
import static io.masscast.testing.CampaignTestData.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.model.AbPart;
import io.masscast.core.model.AbSplit;
import io.masscast.core.model.AbTest;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.ChatImage;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.RevenueChart;
import io.masscast.core.model.StatsFigures;
import io.masscast.core.model.StatsSnapshot;
import io.masscast.core.model.WeekHeatMap;
import io.masscast.core.policy.Permissions;
import io.masscast.core.port.ChartRenderer;
import io.masscast.core.text.Markup;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingOfAuthGateway;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DigestServiceTest {
    private static final Actor ADMIN = Actor.of("root", "Root");
    /** 09:00 in Berlin (CET), on a Monday. */
    private static final Instant NOW = Instant.parse("2026-03-23T08:00:00Z");

    private static final Duration FOLLOWED = Duration.ofDays(7);

    private final MutableClock clock = new MutableClock(NOW);
    private final InMemoryStores stores = new InMemoryStores();
    private final Permissions permissions = new Permissions(Set.of("root"));
    private final CampaignService campaigns =
            new CampaignService(stores, new RecordingOfAuthGateway(), permissions, clock);
    private final RecordingChartRenderer charts = new RecordingChartRenderer();
    private final DigestService digests = new DigestService(stores, charts, clock, "replica-a", FOLLOWED);
    /** Every snapshot seeded, per campaign, to work the expected figures out independently. */
    private final Map<Long, List<StatsSnapshot>> seeded = new HashMap<>();

    private long nextMessageId = 3_404_728_000L;

    /** Keeps the charts it was asked to draw; its PNG is just the signature (the XChart test draws real ones). */
    private static final class RecordingChartRenderer implements ChartRenderer {
        final List<RevenueChart> drawn = new ArrayList<>();

        @Override
        public byte[] revenuePerDay(RevenueChart chart) {
            drawn.add(chart);
            return new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0};
        }

        @Override
        public byte[] weekHeatMap(WeekHeatMap map) {
            throw new UnsupportedOperationException("a digest draws no heat map");
        }
    }

    @BeforeEach
    void bindChannel() {
        new BindingService(stores, permissions).bind(ADMIN, CampaignTestData.binding());
    }

    private Binding binding() {
        return stores.inTransaction(s -> s.bindings().find(CHANNEL)).orElseThrow();
    }

    private Campaign compose(String price) {
        clock.set(NOW.minus(Duration.ofDays(30)));
        Campaign campaign = campaigns
                .compose(CHANNEL, ALICE, CampaignTestData.draft().price(price).build(), true) // twins
                .campaign();
        clock.set(NOW);
        return campaign;
    }

    private Campaign inState(Campaign campaign, CampaignState state, Instant at) {
        return stores.inTransaction(
                        s -> s.campaigns().update(campaign.change().state(state).apply(at)))
                .orElseThrow();
    }

    private Campaign sent(String price, Instant at) {
        return stores.inTransaction(s -> s.campaigns()
                        .update(compose(price)
                                .change()
                                .state(CampaignState.SENT)
                                .sentAt(Optional.of(at))
                                .ofauthMessageId(Optional.of(nextMessageId++))
                                .apply(at)))
                .orElseThrow();
    }

    private void snapshot(
            Campaign campaign, Instant at, long sent, long viewed, long bought, String revenue, boolean reported) {
        StatsSnapshot snapshot = new StatsSnapshot(
                campaign.id(), at, new StatsFigures(sent, viewed, bought, new BigDecimal(revenue), reported));
        seeded.computeIfAbsent(campaign.id(), id -> new ArrayList<>()).add(snapshot);
        stores.inTransaction(s -> {
            s.stats().addSnapshot(snapshot);
            return null;
        });
    }

    /** What the seeded snapshots say a campaign had at {@code at}. */
    private StatsFigures seededAt(long campaignId, Instant at) {
        return seeded.getOrDefault(campaignId, List.of()).stream()
                .filter(s -> !s.at().isAfter(at))
                .reduce((first, second) -> second)
                .map(StatsSnapshot::figures)
                .orElse(StatsFigures.NONE);
    }

    @Test
    void theNumbersEqualTheSumOfTheStoredSnapshots() {
        Random dice = new Random(20260323);
        List<Campaign> all = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            Instant sentAt = NOW.minus(Duration.ofMinutes(30 + dice.nextInt(13 * 24 * 60)));
            Campaign campaign = sent(dice.nextBoolean() ? "12.50" : "7.00", sentAt);
            all.add(campaign);
            long sentCount = 0;
            long viewed = 0;
            long bought = 0;
            BigDecimal revenue = BigDecimal.ZERO;
            // snapshots from sending on, some of them after NOW (a digest made at NOW must not see those)
            for (Instant at = sentAt.plus(Duration.ofMinutes(1 + dice.nextInt(60)));
                    at.isBefore(NOW.plus(Duration.ofHours(6)));
                    at = at.plus(Duration.ofMinutes(20 + dice.nextInt(600)))) {
                sentCount += dice.nextInt(400);
                viewed = Math.min(sentCount, viewed + dice.nextInt(200));
                long more = dice.nextInt(6);
                bought = Math.min(viewed, bought + more);
                revenue = campaign.content().price().multiply(BigDecimal.valueOf(bought));
                snapshot(campaign, at, sentCount, viewed, bought, revenue.toPlainString(), i % 3 == 0);
            }
        }

        Digest digest = digests.compute(binding(), "Daily digest", DigestService.DAILY, NOW);

        for (Digest.Period period : digest.periods()) {
            Instant from = NOW.minus(period.period().length());
            List<Campaign> cohort = all.stream()
                    .filter(c ->
                            c.sentAt().get().isAfter(from) && !c.sentAt().get().isAfter(NOW))
                    .toList();
            List<StatsFigures> figures =
                    cohort.stream().map(c -> seededAt(c.id(), NOW)).toList();
            assertThat(period.campaigns()).as(period.period().label()).isEqualTo(cohort.size());
            assertThat(period.sent())
                    .isEqualTo(figures.stream().mapToLong(StatsFigures::sent).sum());
            assertThat(period.viewed())
                    .isEqualTo(figures.stream().mapToLong(StatsFigures::viewed).sum());
            assertThat(period.bought())
                    .isEqualTo(
                            figures.stream().mapToLong(StatsFigures::purchased).sum());
            assertThat(period.revenue())
                    .isEqualByComparingTo(
                            figures.stream().map(StatsFigures::revenue).reduce(BigDecimal.ZERO, BigDecimal::add));
            BigDecimal bestRevenue = figures.stream()
                    .map(StatsFigures::revenue)
                    .max(BigDecimal::compareTo)
                    .orElseThrow();
            assertThat(period.best().orElseThrow().revenue()).isEqualByComparingTo(bestRevenue);
        }
        RevenueChart chart = digest.chart();
        assertThat(chart.days()).hasSize(14).endsWith(LocalDate.of(2026, 3, 23));
        assertThat(chart.series().size()).isLessThanOrEqualTo(DigestService.CHART_CAMPAIGNS + 1);
        for (int day = 0; day < chart.days().size(); day++) {
            Instant start = chart.days().get(day).atStartOfDay(BERLIN).toInstant();
            Instant end = day == chart.days().size() - 1
                    ? NOW
                    : chart.days().get(day + 1).atStartOfDay(BERLIN).toInstant();
            BigDecimal earned = all.stream()
                    .map(c -> seededAt(c.id(), end)
                            .revenue()
                            .subtract(seededAt(c.id(), start).revenue()))
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(chart.dailyTotals().get(day))
                    .as("revenue on " + chart.days().get(day))
                    .isEqualByComparingTo(earned);
        }
    }

    @Test
    void theCaptionSaysWhatThePeriodsBroughtAndWhatNeedsSomeone() {
        Campaign older = sent("12.50", NOW.minus(Duration.ofDays(5)));
        snapshot(older, NOW.minus(Duration.ofDays(5)).plusSeconds(60), 1000, 400, 0, "0", false);
        snapshot(older, NOW.minus(Duration.ofDays(4)), 2000, 900, 20, "250.00", false);
        Campaign recent = sent("20.00", NOW.minus(Duration.ofHours(20)));
        snapshot(recent, NOW.minus(Duration.ofHours(19)), 3000, 1200, 30, "600.00", true);
        sent("5.00", NOW.minus(Duration.ofHours(1))); // no snapshot yet: counted, with nothing to add
        Campaign waiting = compose("9.00");
        Campaign doubtful = inState(compose("9.00"), CampaignState.IN_DOUBT, NOW.minus(Duration.ofDays(1)));
        Campaign failed = inState(compose("9.00"), CampaignState.FAILED, NOW.minus(Duration.ofDays(2)));
        inState(compose("9.00"), CampaignState.FAILED, NOW.minus(Duration.ofDays(8)));
        stores.inTransaction(s -> {
            s.cards().save(recent.id(), "ts-recent");
            s.cards().savePermalink(recent.id(), "https://slack.example/archives/C1/p1");
            return null;
        });

        DigestService.Post post = digests.post(digests.compute(binding(), "Daily digest", DigestService.DAILY, NOW));

        assertThat(post.caption()).isEqualTo(strong("""
                *Daily digest · Mila Rose* · 2026-03-23 09:00 Europe/Berlin
                *Last 24 hours* · 2 campaigns sent
                    3,000 messages sent · 1,200 viewed (40.0 %%) · 30 bought (1.0 %% conversion) · $600.00 revenue (reported by OFAuth)
                    Best: %s · $600.00 · https://slack.example/archives/C1/p1
                *Last 7 days* · 3 campaigns sent
                    5,000 messages sent · 2,100 viewed (42.0 %%) · 50 bought (1.0 %% conversion) · $850.00 revenue (partly reported by OFAuth, partly purchases × price)
                    Best: %s · $600.00 · https://slack.example/archives/C1/p1
                *Needs attention* · waiting for approval: %s · in doubt: %s · failed in the last 7 days: %s
                Chart: revenue per day over the last 14 days, by campaign, in USD.""".formatted(
                        recent.humanId(), recent.humanId(), waiting.humanId(), doubtful.humanId(), failed.humanId())));
        assertThat(post.chart().fileName()).isEqualTo("digest-mila-2026-03-23-0900.png");
        assertThat(post.chart().altText()).startsWith("Mila Rose · revenue per day, last 14 days (Europe/Berlin)");
    }

    @Test
    void aBestCampaignWithoutALinkIsNamedByItsId() {
        Campaign campaign = sent("12.50", NOW.minus(Duration.ofHours(3)));
        snapshot(campaign, NOW.minus(Duration.ofHours(2)), 100, 50, 4, "50.00", false);

        Digest digest = digests.compute(binding(), "Digest", List.of(DigestPeriod.LAST_24_HOURS), NOW);

        assertThat(digest.periods().get(0).best())
                .contains(new Digest.BestCampaign(
                        campaign.id(), campaign.humanId(), new BigDecimal("50.00"), Optional.empty()));
        assertThat(digests.post(digest).caption())
                .contains("Best: " + campaign.humanId() + " · $50.00\n")
                .contains("$50.00 revenue (purchases × price)");
    }

    @Test
    void aPeriodWithoutCampaignsSaysSo() {
        String caption = digests.post(digests.compute(binding(), "Digest", List.of(DigestPeriod.LAST_7_DAYS), NOW))
                .caption();

        assertThat(caption)
                .contains(strong("*Last 7 days* · no campaigns sent\n"))
                .contains("waiting for approval: none · in doubt: none · failed in the last 7 days: none");
    }

    @Test
    void theChartStacksTheTopCampaignsAndAddsUpTheRest() {
        List<Campaign> sent = IntStream.range(0, 10)
                .mapToObj(i -> {
                    Campaign c = sent("10.00", NOW.minus(Duration.ofDays(2)));
                    snapshot(c, NOW.minus(Duration.ofDays(1)), 100, 50, i + 1, String.valueOf(10 * (i + 1)), false);
                    return c;
                })
                .toList();

        RevenueChart chart =
                digests.compute(binding(), "Digest", DigestService.DAILY, NOW).chart();

        assertThat(chart.series())
                .extracting(RevenueChart.Series::name)
                .containsExactly(
                        sent.get(3).humanId(),
                        sent.get(4).humanId(),
                        sent.get(5).humanId(),
                        sent.get(6).humanId(),
                        sent.get(7).humanId(),
                        sent.get(8).humanId(),
                        sent.get(9).humanId(),
                        "3 more campaigns");
        assertThat(chart.series().get(7).total()).isEqualByComparingTo("60"); // 10 + 20 + 30
        assertThat(chart.dailyTotals().get(12)).isEqualByComparingTo("550"); // 22 March, the day of the snapshots
    }

    @Test
    void aDailyDigestIsClaimedAndQueuedOnce() {
        LocalDate today = LocalDate.of(2026, 3, 23);

        boolean first = digests.postDaily(CHANNEL, today);
        boolean again = digests.postDaily(CHANNEL, today);
        boolean skippedAfterPosting = digests.skipDaily(CHANNEL, today);

        assertThat(first).isTrue();
        assertThat(again).isFalse();
        assertThat(skippedAfterPosting).isFalse();
        List<OutboxEntry> queued = stores.pendingOutbox();
        assertThat(queued).singleElement().satisfies(entry -> {
            assertThat(entry.kind()).isEqualTo(OutboxEntry.Kind.CHANNEL_IMAGE);
            assertThat(entry.text()).startsWith(strong("*Daily digest · Mila Rose* · 2026-03-23 09:00 Europe/Berlin"));
            Optional<ChatImage> image = stores.inTransaction(s -> s.outbox().image(entry.id()));
            assertThat(image).isPresent();
        });
        assertThat(digests.hadDailyDigest(CHANNEL)).isTrue();
    }

    @Test
    void aSkippedDayIsNotPostedLater() {
        LocalDate yesterday = LocalDate.of(2026, 3, 22);

        assertThat(digests.hadDailyDigest(CHANNEL)).isFalse();
        assertThat(digests.skipDaily(CHANNEL, yesterday)).isTrue();
        assertThat(digests.postDaily(CHANNEL, yesterday)).isFalse();
        assertThat(stores.pendingOutbox()).isEmpty();
        assertThat(charts.drawn).isEmpty();
    }

    /** A/B test by lists whose two variants went out at {@code at}, with OFAuth's latest figures of each. */
    private Campaign abTest(Instant at, StatsFigures a, StatsFigures b) {
        Campaign lead = sent("9.99", at);
        Campaign other = sent("14.99", at);
        stores.inTransaction(s -> {
            AbTest test =
                    s.tests().insert(new AbTest(0, AbSplit.LISTS, Optional.empty(), Optional.empty(), 1_000, at, 0));
            s.tests().addPart(new AbPart(test.id(), lead.id(), "A", 1));
            s.tests().addPart(new AbPart(test.id(), other.id(), "B", 1));
            s.stats().save(CampaignStats.none(lead.id()).reported(a, false, NOW.minus(Duration.ofHours(1))));
            s.stats().save(CampaignStats.none(other.id()).reported(b, false, NOW.minus(Duration.ofHours(1))));
            return null;
        });
        return lead;
    }

    private static StatsFigures figures(long sent, long viewed, long bought, String revenue) {
        return new StatsFigures(sent, viewed, bought, new BigDecimal(revenue), true);
    }

    @Test
    void finishedAbTestsAreReportedWithTheirWinnerAndRunningOnesWithTheirStandSoFar() {
        // followed for 7 days: sent 10 days ago, its numbers became final 3 days ago (within the last 7 days)
        Campaign finished = abTest(
                NOW.minus(Duration.ofDays(10)), figures(1_096, 498, 12, "119.88"), figures(1_096, 512, 25, "374.75"));
        // sent 14 days and 1 hour ago: its numbers were final before the last 7 days began
        abTest(NOW.minus(Duration.ofDays(14).plusHours(1)), figures(500, 200, 5, "50"), figures(500, 200, 30, "450"));
        Campaign running =
                abTest(NOW.minus(Duration.ofDays(2)), figures(300, 120, 3, "29.97"), figures(300, 130, 4, "59.96"));
        sent("5.00", NOW.minus(Duration.ofDays(1))); // a single campaign is no test
        stores.inTransaction(s -> {
            s.cards().save(finished.id(), "ts-finished");
            s.cards().savePermalink(finished.id(), "https://slack.example/archives/C1/p9");
            return null;
        });

        Digest digest = digests.compute(binding(), "Daily digest", DigestService.DAILY, NOW);

        assertThat(digest.tests())
                .extracting(Digest.AbTestResult::humanId, Digest.AbTestResult::finished)
                .containsExactly(tuple(finished.humanId(), true), tuple(running.humanId(), false));
        // p1 = 25/1096, p2 = 12/1096, pooled 37/2192: z = 0.011861 / 0.005503 = 2.155, two-sided p = 0.0312
        String caption = digests.post(digest).caption();
        assertThat(caption).contains(strong("""
                        *Needs attention* · waiting for approval: none · in doubt: none · failed in the last 7 days: none
                        *A/B tests* · 1 finished in the last 7 days, 1 running
                            %s (2 variants, ended 2026-03-20 09:00) · B wins on conversion: 2.28 %% vs 1.09 %% for A (p = 0.031 < 0.05) · https://slack.example/archives/C1/p9
                            %s (2 variants, runs until 2026-03-28 09:00) · Too early to tell: 7 bought so far (n = 300 and 300)
                        Chart:""".formatted(finished.humanId(), running.humanId())));
    }

    @Test
    void aFinishedTestWithoutASignificantDifferenceHasNoWinner() {
        // 1.80 % vs 1.40 %: p1 = 18/1000, p2 = 14/1000, pooled 0.016, se = 0.005612, z = 0.713, p = 0.476
        Campaign test =
                abTest(NOW.minus(Duration.ofDays(8)), figures(1_000, 400, 14, "140"), figures(1_000, 410, 18, "270"));

        String caption = digests.post(digests.compute(binding(), "Digest", List.of(DigestPeriod.LAST_7_DAYS), NOW))
                .caption();

        assertThat(caption)
                .contains(test.humanId() + " (2 variants, ended 2026-03-22 09:00) · No clear winner: B led on"
                        + " conversion, 1.80 % vs 1.40 % for A, but p = 0.476 (a winner needs p < 0.05)");
    }

    @Test
    void aTestWhoseOtherVariantFailedHasNothingToCompare() {
        Campaign lead = abTest(NOW.minus(Duration.ofDays(1)), figures(1_000, 400, 14, "140"), figures(0, 0, 0, "0"));
        Campaign failed =
                stores
                        .inTransaction(s -> s.tests()
                                .parts(s.tests().partOf(lead.id()).orElseThrow().testId()))
                        .stream()
                        .filter(part -> part.variant().equals("B"))
                        .map(part -> stores.inTransaction(s -> s.campaigns().find(part.campaignId()))
                                .orElseThrow())
                        .findFirst()
                        .orElseThrow();
        inState(failed, CampaignState.FAILED, NOW.minus(Duration.ofDays(1)));

        String caption = digests.post(digests.compute(binding(), "Digest", List.of(DigestPeriod.LAST_7_DAYS), NOW))
                .caption();

        assertThat(caption)
                // sent 22 March 09:00 CET, followed 7 days: until 29 March 10:00, summer time since that night
                .contains(lead.humanId() + " (2 variants, runs until 2026-03-29 10:00) · No comparison: Variant B ("
                        + failed.humanId() + ") failed, so A has nothing to compare with.");
    }

    /** {@code text} with each {@code *words*} as the core's strong markup, so expectations read like the digest. */
    private static String strong(String text) {
        return Pattern.compile("\\*([^*\\n]+)\\*")
                .matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(Markup.strong(m.group(1))));
    }
}
