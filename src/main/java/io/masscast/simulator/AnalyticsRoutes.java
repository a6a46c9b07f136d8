package io.masscast.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Mass-message statistics: sent, purchased, the daily chart and the buyers of one message. */
final class AnalyticsRoutes implements RouteSet {
    private static final String BASE = "/v2/access/analytics/mass-messages";
    private static final int MAX_CHART_DAYS = 366;

    private final MessageTimeline timeline;
    private final MessageRenderer renderer;
    private final long seed;

    AnalyticsRoutes(MessageTimeline timeline, MessageRenderer renderer, long seed) {
        this.timeline = timeline;
        this.renderer = renderer;
        this.seed = seed;
    }

    @Override
    public void register(Router<ApiRoute> routes) {
        routes.add("GET", BASE + "/sent", new ApiRoute(Permission.ANALYTICS_READ, this::sent))
                .add("GET", BASE + "/purchased", new ApiRoute(Permission.ANALYTICS_READ, this::purchased))
                .add("GET", BASE + "/chart", new ApiRoute(Permission.ANALYTICS_READ, this::chart))
                .add("GET", BASE + "/{massMessageId}/buyers", new ApiRoute(Permission.ANALYTICS_READ, this::buyers));
    }

    /**
     * Newest first, within [startDate, endDate] compared with the date as reported (whole seconds); there is no
     * offset, so {@code hasMore} only says to narrow the range.
     */
    private ApiResponse sent(ApiCall call) {
        int limit = call.query().intInRange("limit", 10, 1, 100);
        Instant start = call.query().instant("startDate").orElse(Instant.MIN);
        Instant end = call.query().rangeEnd("endDate").orElse(Instant.MAX);
        List<MassMessage> matching = wentOut(call).stream()
                .filter(message -> {
                    Instant reported = message.sendAt().truncatedTo(ChronoUnit.SECONDS);
                    return !reported.isBefore(start) && !reported.isAfter(end);
                })
                .toList();
        return items(call, Page.of(matching, 0, limit));
    }

    private ApiResponse purchased(ApiCall call) {
        int limit = call.query().intInRange("limit", 20, 1, 100);
        List<MassMessage> bought = wentOut(call).stream()
                .filter(message -> timeline.status(message, call.account().population(), call.now())
                                .purchased()
                        > 0)
                .toList();
        return items(call, Page.of(bought, call.query().offset(), limit));
    }

    private ApiResponse chart(ApiCall call) {
        Instant end = call.query().rangeEnd("endDate").orElse(call.now());
        Instant start = call.query().instant("startDate").orElse(end.minus(Duration.ofDays(30)));
        LocalDate firstDay = day(start);
        LocalDate lastDay = day(end);
        long days = ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        if (days < 1 || days > MAX_CHART_DAYS) {
            throw ApiError.badRequest("startDate/endDate: the range must cover 1 to " + MAX_CHART_DAYS + " days");
        }
        LocalDate previousFirstDay = firstDay.minusDays(days);
        Map<LocalDate, Long> sent = new HashMap<>();
        Map<LocalDate, Long> bought = new HashMap<>();
        for (MassMessage message : wentOut(call)) {
            sent.merge(day(message.sendAt()), 1L, Long::sum);
            timeline.purchases(message, call.account().population(), call.now())
                    .forEach(purchase -> bought.merge(day(purchase.at()), 1L, Long::sum));
        }
        long creator = call.account().creator().userId();
        return ApiResponse.json(Json.object(
                "group_messages", series(previousFirstDay, firstDay, lastDay, d -> sent.getOrDefault(d, 0L)),
                "group_messages_purchases",
                        series(previousFirstDay, firstDay, lastDay, d -> bought.getOrDefault(d, 0L)),
                "direct_messages", series(previousFirstDay, firstDay, lastDay, d -> dice(creator, d, 1, 20, 80)),
                "direct_messages_purchases",
                        series(previousFirstDay, firstDay, lastDay, d -> dice(creator, d, 2, 0, 7))));
    }

    /**
     * Buyers newest purchase first. {@code marker} is a purchase time in epoch microseconds: a page lists the
     * purchases before it ({@code 0} or none: from the newest), and {@code nextMarker} is the time of the page's
     * last purchase. So new purchases arrive at the front and a marker stays valid while they do. (Assumption:
     * OFAuth's example {@code nextMarker} looks like a timestamp; the order is not documented.) No amounts.
     */
    private ApiResponse buyers(ApiCall call) {
        int limit = call.query().intInRange("limit", 10, 1, 20);
        long marker = call.query().longAtLeast("marker", 0, 0);
        MassMessage message = call.account().require(MassMessageRoutes.messageId(call));
        List<Purchase> newestFirst =
                new ArrayList<>(timeline.purchases(message, call.account().population(), call.now()));
        Collections.reverse(newestFirst);
        List<Purchase> before = marker == 0
                ? newestFirst
                : newestFirst.stream()
                        .filter(purchase -> micros(purchase.at()) < marker)
                        .toList();
        Page<Purchase> page = Page.of(before, 0, limit);
        Long next = page.hasMore()
                ? micros(page.items().get(page.items().size() - 1).at())
                : null;
        return ApiResponse.json(Json.object(
                "list",
                        page.items().stream()
                                .map(purchase -> FanRenderer.user(purchase.fan()))
                                .toList(),
                "hasMore", page.hasMore(),
                "nextMarker", next));
    }

    private static long micros(Instant at) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, at);
    }

    private ApiResponse items(ApiCall call, Page<MassMessage> page) {
        return ApiResponse.json(Json.object(
                "hasMore", page.hasMore(),
                "items",
                        page.items().stream()
                                .map(message -> renderer.analyticsItem(call.account(), message, call.now()))
                                .toList()));
    }

    /** Messages that have gone out (including unsent ones), newest first. */
    private List<MassMessage> wentOut(ApiCall call) {
        return call.account().messages().stream()
                .filter(message -> switch (timeline.state(message, call.now())) {
                    case SENDING, SENT, UNSENT -> true;
                    case SCHEDULED, CANCELED -> false;
                })
                .toList();
    }

    /** {@code {chart, total, delta}}; delta is the change against the equally long period before, in percent. */
    private static Map<String, Object> series(
            LocalDate previousFirstDay, LocalDate firstDay, LocalDate lastDay, Function<LocalDate, Long> countOf) {
        List<Map<String, Object>> chart = new ArrayList<>();
        long total = 0;
        for (LocalDate d = firstDay; !d.isAfter(lastDay); d = d.plusDays(1)) {
            long count = countOf.apply(d);
            total += count;
            chart.add(Json.object(
                    "date", OfDates.onlyFans(d.atStartOfDay(ZoneOffset.UTC).toInstant()), "count", count));
        }
        long previous = sum(previousFirstDay, firstDay, countOf::apply);
        double delta = previous == 0 ? 0 : Math.round((total - previous) * 10_000.0 / previous) / 100.0;
        return Json.object("chart", chart, "total", total, "delta", delta);
    }

    private static long sum(LocalDate from, LocalDate untilExclusive, ToLongFunction<LocalDate> countOf) {
        long sum = 0;
        for (LocalDate d = from; d.isBefore(untilExclusive); d = d.plusDays(1)) {
            sum += countOf.applyAsLong(d);
        }
        return sum;
    }

    /** Direct (non-mass) messages are not simulated; these counts only make the chart look alive. */
    private long dice(long creator, LocalDate day, long series, int min, int max) {
        return (long) min + Math.floorMod(Hashes.mix(seed, creator * 31L + series, day.toEpochDay()), max - min + 1);
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, ZoneOffset.UTC);
    }
}
