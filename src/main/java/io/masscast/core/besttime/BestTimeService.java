package io.masscast.core.besttime;

import io.masscast.core.campaign.CampaignException;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatImage;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.StatsFigures;
import io.masscast.core.model.StatsSnapshot;
import io.masscast.core.model.WeekHeatMap;
import io.masscast.core.policy.SendPolicy;
import io.masscast.core.port.ChartRenderer;
import io.masscast.core.port.Transactor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The best hours of the week to send a creator's PPV messages, from what their past campaigns brought: each
 * campaign's purchases and recipients in its first {@value #FIRST_HOURS_TEXT} after it went out (read from the
 * stored snapshots, never from OFAuth), pooled by the hour of the week it went out in, in the creator's zone.
 *
 * <p>It counts PPV campaigns sent in the last {@value #HISTORY_WEEKS} weeks whose first 24 hours are over and that
 * reached fans; free messages (nothing to buy) and unsent ones (cut short) say nothing about buying. With fewer than
 * {@value #MIN_CAMPAIGNS} such campaigns, or fewer than {@value #MIN_SLOTS} hours of the week with one, it names no
 * hour: it says how much history there is instead of guessing.
 */
public final class BestTimeService {
    public static final Duration FIRST_HOURS = Duration.ofHours(24);
    static final String FIRST_HOURS_TEXT = "24 hours";
    public static final int HISTORY_WEEKS = 12;
    public static final int MIN_CAMPAIGNS = 5;
    public static final int MIN_SLOTS = 3;
    public static final int TOP = 3;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT);

    private final Transactor transactor;
    private final ChartRenderer charts;
    private final Clock clock;

    public BestTimeService(Transactor transactor, ChartRenderer charts, Clock clock) {
        this.transactor = transactor;
        this.charts = charts;
        this.clock = clock;
    }

    /** What goes to the channel: the caption and the heat map. */
    public record Post(String caption, ChatImage chart) {}

    /** The estimate for the binding's creator now. */
    public BestTimes estimate(Binding binding) {
        return estimate(binding, clock.instant());
    }

    /** The estimate for the binding's creator as of {@code at}, from what is stored. */
    public BestTimes estimate(Binding binding, Instant at) {
        Instant latest = at.minus(FIRST_HOURS);
        Instant earliest = latest.minus(Duration.ofDays(7L * HISTORY_WEEKS));
        Map<WeekSlot, SlotFigures> bySlot = new TreeMap<>();
        Instant since = null;
        int campaigns = 0;
        long recipients = 0;
        long purchases = 0;
        List<Counted> counted = transactor.inTransaction(stores ->
                stores.campaigns().sentForConnection(binding.connectionId(), earliest, latest).stream()
                        .filter(c ->
                                c.state() == CampaignState.SENT && !c.content().isFree())
                        .map(c -> new Counted(
                                c,
                                StatsSnapshot.figuresAt(
                                        stores.stats().snapshots(c.id()),
                                        c.sentAt().orElseThrow().plus(FIRST_HOURS))))
                        .filter(c -> c.figures().sent() > 0)
                        .toList());
        for (Counted c : counted) {
            Instant sentAt = c.campaign().sentAt().orElseThrow();
            WeekSlot slot = WeekSlot.of(sentAt, binding.zone());
            long sent = c.figures().sent();
            long bought = c.figures().purchased();
            bySlot.merge(slot, new SlotFigures(slot, 1, sent, bought), (was, one) -> was.plus(sent, bought));
            since = since == null || sentAt.isBefore(since) ? sentAt : since;
            campaigns++;
            recipients += sent;
            purchases += bought;
        }
        int weeks = since == null
                ? 0
                : (int) Math.max(1, Math.ceil(Duration.between(since, at).toHours() / (7 * 24.0)));
        BestTimes.History history =
                new BestTimes.History(campaigns, recipients, purchases, weeks, Optional.ofNullable(since));
        List<SlotFigures> slots = List.copyOf(bySlot.values());
        List<SlotFigures> top = campaigns < MIN_CAMPAIGNS || slots.size() < MIN_SLOTS
                ? List.of()
                : slots.stream()
                        .sorted(Comparator.comparingDouble(SlotFigures::rate)
                                .reversed()
                                .thenComparing(Comparator.comparingLong(SlotFigures::recipients)
                                        .reversed())
                                .thenComparing(SlotFigures::slot))
                        .limit(TOP)
                        .toList();
        return new BestTimes(binding, at, history, slots, top);
    }

    private record Counted(Campaign campaign, StatsFigures figures) {}

    /**
     * Queues the channel's best send times now (caption and heat map, like a digest) if there is history enough;
     * returns the estimate either way, so the caller can say why nothing was posted.
     */
    public BestTimes postNow(ChannelRef channel, String askedBy) {
        Binding binding = transactor
                .inTransaction(stores -> stores.bindings().find(channel))
                .orElseThrow(CampaignException.NotBound::new);
        BestTimes best = estimate(binding);
        if (best.enough()) {
            Post post = post(best, askedBy);
            transactor.inTransaction(stores -> {
                stores.outbox().enqueue(OutboxEntry.channelImage(channel, post.caption(), best.at()), post.chart());
                return null;
            });
        }
        return best;
    }

    /** The caption and heat map of an estimate with history enough. */
    public Post post(BestTimes best, String askedBy) {
        Binding binding = best.binding();
        String name = "best-time-" + binding.channel().channelId().replaceAll("[^A-Za-z0-9_-]", "_") + "-"
                + FILE_TIME.format(best.at().atZone(binding.zone())) + ".png";
        WeekHeatMap map = heatMap(best);
        String alt = map.title() + ": a grid of the days of the week by hour, darker where more recipients bought";
        return new Post(
                BestTimeText.caption(best, askedBy, next(best)), new ChatImage(name, alt, charts.weekHeatMap(map)));
    }

    /**
     * What the compose form's send-time field says: the best hour coming up (the soonest of the best three), or
     * that there is not history enough yet.
     */
    public String formHint(Binding binding) {
        BestTimes best = estimate(binding);
        if (!best.enough()) {
            return "Too few past PPV campaigns to suggest a time yet.";
        }
        List<Upcoming> upcoming = next(best);
        if (upcoming.isEmpty()) {
            return "";
        }
        Upcoming soonest =
                upcoming.stream().min(Comparator.comparing(Upcoming::at)).orElseThrow();
        return "Best hour ahead: " + BestTimeText.day(soonest.at(), binding.zone()) + " ("
                + BestTimeText.rank(soonest.rank()) + ", " + soonest.figures().percent() + " bought in 24 h).";
    }

    /** One of the best hours, and when it next comes. */
    record Upcoming(int rank, SlotFigures figures, Instant at) {}

    private List<Upcoming> next(BestTimes best) {
        List<Upcoming> upcoming = new ArrayList<>();
        for (int i = 0; i < best.top().size(); i++) {
            SlotFigures figures = best.top().get(i);
            int rank = i + 1;
            figures.slot()
                    .next(best.at(), best.binding().zone(), SendPolicy.MIN_LEAD)
                    .ifPresent(at -> upcoming.add(new Upcoming(rank, figures, at)));
        }
        return upcoming;
    }

    /** Each hour with data, its percent of recipients who bought; the best three marked. */
    private static WeekHeatMap heatMap(BestTimes best) {
        List<WeekHeatMap.Cell> cells =
                best.slots().stream().map(BestTimeService::cell).toList();
        List<WeekHeatMap.Cell> marked =
                best.top().stream().map(BestTimeService::cell).toList();
        String title = best.binding().creatorName() + " · % of recipients who bought within 24 h, by hour sent ("
                + best.binding().zone().getId() + ")";
        return new WeekHeatMap(title, "% of recipients who bought", cells, marked);
    }

    private static WeekHeatMap.Cell cell(SlotFigures figures) {
        return new WeekHeatMap.Cell(figures.slot().day(), figures.slot().hour(), 100 * figures.rate());
    }
}
