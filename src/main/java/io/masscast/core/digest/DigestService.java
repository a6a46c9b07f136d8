package io.masscast.core.digest;

import io.masscast.core.abtest.TestResults;
import io.masscast.core.abtest.VerdictText;
import io.masscast.core.campaign.AbTestService;
import io.masscast.core.campaign.CampaignException;
import io.masscast.core.model.AbPart;
import io.masscast.core.model.AbTestParts;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatImage;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.RevenueChart;
import io.masscast.core.model.StatsFigures;
import io.masscast.core.model.StatsSnapshot;
import io.masscast.core.port.ChartRenderer;
import io.masscast.core.port.DigestStore;
import io.masscast.core.port.Stores;
import io.masscast.core.port.Transactor;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The channel digest: computed from the stored snapshots only (never from OFAuth), written as a caption and a
 * chart, and queued in the outbox like any other post. The daily digest of a channel and day is claimed in the
 * transaction that queues it, so it goes out once whichever replica or restart gets there first; one asked
 * for with {@code /masscast digest} is simply queued.
 *
 * <p>A period counts the campaigns sent in it with their results so far; the chart shows on which days the
 * revenue came in, campaign by campaign, over the last {@value #CHART_DAYS} days in the binding's zone.
 */
public final class DigestService {
    /** The daily digest reports on these. */
    public static final List<DigestPeriod> DAILY = List.of(DigestPeriod.LAST_24_HOURS, DigestPeriod.LAST_7_DAYS);

    static final int CHART_DAYS = DigestPeriod.MAX_DAYS;
    /** Series on the chart: the campaigns with the most revenue, the rest added up as one more. */
    static final int CHART_CAMPAIGNS = 7;

    private static final int ATTENTION_LIMIT = 1_000;
    private static final String CURRENCY = "USD";
    private static final String CURRENCY_SYMBOL = "$";
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm");

    private final Transactor transactor;
    private final ChartRenderer charts;
    private final Clock clock;
    private final String replica;
    private final Duration followedFor;

    /**
     * Digests of what is stored, posted through the outbox.
     *
     * @param followedFor how long after its send time a campaign's results are polled (an A/B test then ends)
     */
    public DigestService(
            Transactor transactor, ChartRenderer charts, Clock clock, String replica, Duration followedFor) {
        this.transactor = transactor;
        this.charts = charts;
        this.clock = clock;
        this.replica = replica;
        this.followedFor = followedFor;
    }

    /** What goes to the channel: the caption and the chart. */
    public record Post(String caption, ChatImage chart) {}

    /** The bound channels that get a daily digest. */
    public List<Binding> dailyDigestChannels() {
        return transactor.inTransaction(stores -> stores.bindings().all().stream()
                .filter(b -> b.policy().digestAt().isPresent())
                .toList());
    }

    /** The claim key of a channel's daily digest for a local day. */
    static String dailyPeriod(LocalDate day) {
        return "daily:" + day;
    }

    /**
     * Posts the channel's daily digest of {@code day} unless it was claimed already (by another replica, or
     * before a restart). Returns whether this call queued it.
     */
    public boolean postDaily(ChannelRef channel, LocalDate day) {
        String period = dailyPeriod(day);
        if (transactor.inTransaction(stores -> stores.digests().isClaimed(channel, period))) {
            return false;
        }
        Optional<Binding> binding =
                transactor.inTransaction(stores -> stores.bindings().find(channel));
        if (binding.isEmpty()) {
            return false;
        }
        Instant at = clock.instant();
        // computed and drawn before the claim, outside any transaction: a crash until the claim commits loses
        // nothing, and the claim and the queued post commit together
        Post post = post(compute(binding.get(), "Daily digest", DAILY, at));
        return transactor.inTransaction(stores -> {
            if (!stores.digests().claim(channel, period, DigestStore.Outcome.POSTED, at, replica)) {
                return false;
            }
            stores.outbox().enqueue(OutboxEntry.channelImage(channel, post.caption(), at), post.chart());
            return true;
        });
    }

    /** Whether the channel's daily digest was posted or skipped before: masscast has followed it. */
    public boolean hadDailyDigest(ChannelRef channel) {
        return transactor.inTransaction(stores -> stores.digests().anyClaimed(channel));
    }

    /** Records that the daily digest of {@code day} was not posted; false if it was claimed (posted) before. */
    public boolean skipDaily(ChannelRef channel, LocalDate day) {
        return transactor.inTransaction(stores -> stores.digests()
                .claim(channel, dailyPeriod(day), DigestStore.Outcome.SKIPPED, clock.instant(), replica));
    }

    /** Queues the channel's digest of {@code periods} now, as asked for by {@code askedBy} (a mention). */
    public Digest postNow(ChannelRef channel, String askedBy, List<DigestPeriod> periods) {
        Binding binding = transactor
                .inTransaction(stores -> stores.bindings().find(channel))
                .orElseThrow(CampaignException.NotBound::new);
        Instant at = clock.instant();
        Digest digest = compute(binding, "Digest asked for by " + askedBy, periods, at);
        Post post = post(digest);
        transactor.inTransaction(stores -> {
            stores.outbox().enqueue(OutboxEntry.channelImage(channel, post.caption(), at), post.chart());
            return null;
        });
        return digest;
    }

    /** The caption and the chart of a digest. */
    public Post post(Digest digest) {
        Binding binding = digest.binding();
        String name = "digest-" + binding.channel().channelId().replaceAll("[^A-Za-z0-9_-]", "_") + "-"
                + FILE_TIME.format(digest.at().atZone(binding.zone())) + ".png";
        String alt = digest.chart().title() + ": stacked bars by campaign, in "
                + digest.chart().currency();
        return new Post(DigestText.caption(digest), new ChatImage(name, alt, charts.revenuePerDay(digest.chart())));
    }

    /** The channel's digest as of {@code at}, from what is stored. */
    public Digest compute(Binding binding, String title, List<DigestPeriod> periods, Instant at) {
        ChannelRef channel = binding.channel();
        ZoneId zone = binding.zone();
        DigestPeriod longest = periods.stream()
                .max(Comparator.comparingInt(DigestPeriod::days))
                .orElseThrow(() -> new IllegalArgumentException("no period"));
        LocalDate today = at.atZone(zone).toLocalDate();
        LocalDate firstDay = today.minusDays(CHART_DAYS - 1L);
        Instant chartStart = firstDay.atStartOfDay(zone).toInstant();
        Instant periodStart = at.minus(longest.length());
        // every campaign sent since then has all its snapshots after it
        Instant since = chartStart.isBefore(periodStart) ? chartStart : periodStart;
        return transactor.inTransaction(stores -> {
            Map<Long, List<StatsSnapshot>> series = stores.stats().channelSnapshots(channel, since, at).stream()
                    .collect(Collectors.groupingBy(StatsSnapshot::campaignId, LinkedHashMap::new, Collectors.toList()));
            List<Digest.Period> summaries = periods.stream()
                    .map(period -> period(stores, channel, period, at, series))
                    .toList();
            return new Digest(
                    title,
                    binding,
                    at,
                    summaries,
                    attention(stores, channel, longest, at),
                    tests(stores, channel, longest, at),
                    chart(stores, binding, firstDay, today, at, series));
        });
    }

    private static Digest.Period period(
            Stores stores, ChannelRef channel, DigestPeriod period, Instant at, Map<Long, List<StatsSnapshot>> series) {
        List<Campaign> sent = stores.campaigns().sentInChannel(channel, at.minus(period.length()), at);
        long messages = 0;
        long viewed = 0;
        long bought = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        EnumSet<Digest.RevenueSource> sources = EnumSet.noneOf(Digest.RevenueSource.class);
        Campaign best = null;
        BigDecimal bestRevenue = BigDecimal.ZERO;
        for (Campaign campaign : sent) {
            StatsFigures f = StatsSnapshot.figuresAt(series.getOrDefault(campaign.id(), List.of()), at);
            messages += f.sent();
            viewed += f.viewed();
            bought += f.purchased();
            revenue = revenue.add(f.revenue());
            if (f.revenue().signum() > 0) {
                sources.add(f.revenueReported() ? Digest.RevenueSource.REPORTED : Digest.RevenueSource.COMPUTED);
                if (f.revenue().compareTo(bestRevenue) > 0) {
                    best = campaign;
                    bestRevenue = f.revenue();
                }
            }
        }
        Optional<Digest.BestCampaign> top = Optional.empty();
        if (best != null) {
            long id = best.id();
            top = Optional.of(new Digest.BestCampaign(
                    id, best.humanId(), bestRevenue, stores.cards().permalink(id)));
        }
        Digest.RevenueSource source = sources.isEmpty()
                ? Digest.RevenueSource.NONE
                : sources.size() > 1
                        ? Digest.RevenueSource.MIXED
                        : sources.iterator().next();
        return new Digest.Period(period, sent.size(), messages, viewed, bought, revenue, source, top);
    }

    private static Digest.Attention attention(
            Stores stores, ChannelRef channel, DigestPeriod failedWithin, Instant at) {
        Instant failedSince = at.minus(failedWithin.length());
        return new Digest.Attention(
                humanIds(stores.campaigns()
                        .inChannel(channel, EnumSet.of(CampaignState.PENDING_APPROVAL), ATTENTION_LIMIT)),
                humanIds(stores.campaigns().inChannel(channel, EnumSet.of(CampaignState.IN_DOUBT), ATTENTION_LIMIT)),
                humanIds(
                        stores
                                .campaigns()
                                .inChannel(channel, EnumSet.of(CampaignState.FAILED), ATTENTION_LIMIT)
                                .stream()
                                .filter(c -> c.updatedAt().isAfter(failedSince))
                                .toList()),
                failedWithin);
    }

    /**
     * The channel's A/B tests that finished in {@code period} (their numbers are final) or still run: those with a
     * message sent since the period's start less the time results are followed, each test once.
     */
    private List<Digest.AbTestResult> tests(Stores stores, ChannelRef channel, DigestPeriod period, Instant at) {
        Instant finishedAfter = at.minus(period.length());
        Set<Long> seen = new HashSet<>();
        List<Digest.AbTestResult> results = new ArrayList<>();
        for (Campaign campaign : stores.campaigns().sentInChannel(channel, finishedAfter.minus(followedFor), at)) {
            Optional<AbPart> part = stores.tests().partOf(campaign.id());
            if (part.isEmpty() || !seen.add(part.get().testId())) {
                continue;
            }
            AbTestParts test = AbTestService.load(stores, part.get().testId());
            Optional<Instant> last = TestResults.numbersFinal(test, followedFor);
            if (last.isEmpty()) {
                continue; // unsent since: no results to judge
            }
            Instant numbersFinal = last.get();
            boolean finished = TestResults.finished(test, followedFor, at);
            if (finished && !numbersFinal.isAfter(finishedAfter)) {
                continue;
            }
            long lead = test.lead().id();
            results.add(new Digest.AbTestResult(
                    test.lead().humanId(),
                    test.variants().size(),
                    finished,
                    numbersFinal,
                    TestResults.verdict(test, verdict -> VerdictText.brief(verdict, finished)),
                    stores.cards().permalink(lead)));
        }
        // finished first, then by when their numbers are (or will be) final
        results.sort(Comparator.comparing((Digest.AbTestResult r) -> !r.finished())
                .thenComparing(Digest.AbTestResult::numbersFinal));
        return results;
    }

    private static List<String> humanIds(List<Campaign> campaigns) {
        return campaigns.stream().map(Campaign::humanId).toList();
    }

    /** Each campaign's revenue per local day: what it had at the day's end (or now) minus what it had at its start. */
    private static RevenueChart chart(
            Stores stores,
            Binding binding,
            LocalDate firstDay,
            LocalDate today,
            Instant at,
            Map<Long, List<StatsSnapshot>> series) {
        ZoneId zone = binding.zone();
        List<LocalDate> days = firstDay.datesUntil(today.plusDays(1)).toList();
        record CampaignRevenue(Campaign campaign, List<BigDecimal> amounts, BigDecimal total) {}
        List<CampaignRevenue> earning = new ArrayList<>();
        series.forEach((campaignId, snapshots) -> {
            List<BigDecimal> amounts = days.stream()
                    .map(day -> {
                        Instant start = day.atStartOfDay(zone).toInstant();
                        Instant next = day.plusDays(1).atStartOfDay(zone).toInstant();
                        Instant end = next.isAfter(at) ? at : next;
                        return StatsSnapshot.figuresAt(snapshots, end)
                                .revenue()
                                .subtract(StatsSnapshot.figuresAt(snapshots, start)
                                        .revenue());
                    })
                    .toList();
            BigDecimal total = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
            if (total.signum() > 0) {
                stores.campaigns().find(campaignId).ifPresent(c -> earning.add(new CampaignRevenue(c, amounts, total)));
            }
        });
        earning.sort(Comparator.comparing(CampaignRevenue::total)
                .reversed()
                .thenComparing(r -> r.campaign().number()));
        List<CampaignRevenue> shown = new ArrayList<>(earning.subList(0, Math.min(CHART_CAMPAIGNS, earning.size())));
        shown.sort(Comparator.comparingInt(r -> r.campaign().number()));
        List<RevenueChart.Series> lines = new ArrayList<>(shown.stream()
                .map(r -> new RevenueChart.Series(r.campaign().humanId(), r.amounts()))
                .toList());
        List<CampaignRevenue> rest = earning.subList(shown.size(), earning.size());
        if (!rest.isEmpty()) {
            List<BigDecimal> others = days.stream().map(day -> BigDecimal.ZERO).collect(Collectors.toList());
            rest.forEach(r -> {
                for (int i = 0; i < others.size(); i++) {
                    others.set(i, others.get(i).add(r.amounts().get(i)));
                }
            });
            lines.add(new RevenueChart.Series(
                    rest.size() + (rest.size() == 1 ? " more campaign" : " more campaigns"), others));
        }
        String title =
                binding.creatorName() + " · revenue per day, last " + CHART_DAYS + " days (" + zone.getId() + ")";
        return new RevenueChart(title, CURRENCY, CURRENCY_SYMBOL, days, lines);
    }
}
