package io.masscast.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Subscriber counts and the subscriber list. */
final class AudienceRoutes implements RouteSet {
    /** OFAuth's fans guide: subscriber endpoints return at most 20 per page whatever the limit. */
    private static final int MAX_PAGE = 20;

    private static final Duration LATEST = Duration.ofDays(30);

    @Override
    public void register(Router<ApiRoute> routes) {
        routes.add(
                        "GET",
                        "/v2/access/subscriptions/count",
                        new ApiRoute(Permission.SUBSCRIPTIONS_READ, AudienceRoutes::count))
                .add(
                        "GET",
                        "/v2/access/subscribers",
                        new ApiRoute(Permission.SUBSCRIBERS_READ, AudienceRoutes::subscribers));
    }

    private static ApiResponse count(ApiCall call) {
        Population population = call.account().population();
        long active = population.fans().stream().filter(Fan::active).count();
        long all = population.fans().size();
        int muted = listSize(population, "muted");
        int following = listSize(population, "following");
        return ApiResponse.json(Json.object(
                "subscriptions",
                        Json.object(
                                "active",
                                following,
                                "muted",
                                0,
                                "restricted",
                                0,
                                "expired",
                                0,
                                "blocked",
                                0,
                                "attention",
                                0,
                                "all",
                                following),
                "subscribers",
                        Json.object(
                                "active",
                                active,
                                "muted",
                                muted,
                                "restricted",
                                0,
                                "expired",
                                all - active,
                                "blocked",
                                0,
                                "all",
                                all,
                                "activeOnline",
                                active / 33),
                "bookmarks", 0));
    }

    /** Newest subscribers first; {@code type} is all, active, expired or latest (subscribed in the last 30 days). */
    private static ApiResponse subscribers(ApiCall call) {
        int limit = Math.min(MAX_PAGE, call.query().intInRange("limit", 10, 1, 100));
        Instant now = call.now();
        Predicate<Fan> ofType = switch (call.query().string("type").orElse("all")) {
            case "all" -> fan -> true;
            case "active" -> Fan::active;
            case "expired" -> fan -> !fan.active();
            case "latest" -> fan -> fan.subscribedAt().isAfter(now.minus(LATEST));
            default -> throw ApiError.badRequest("type: must be one of all, active, expired, latest");
        };
        String query = call.query()
                .string("query")
                .map(q -> q.toLowerCase(Locale.ROOT))
                .orElse("");
        List<Fan> matching = call.account().population().fans().stream()
                .filter(ofType)
                .filter(fan -> fan.name().toLowerCase(Locale.ROOT).contains(query)
                        || fan.username().toLowerCase(Locale.ROOT).contains(query))
                .sorted(Comparator.comparing(Fan::subscribedAt).reversed())
                .toList();
        Page<Fan> page = Page.of(matching, call.query().offset(), limit);
        return ApiResponse.json(Json.object(
                "list",
                        page.items().stream()
                                .map(fan -> FanRenderer.subscriber(fan, now))
                                .toList(),
                "hasMore", page.hasMore()));
    }

    private static int listSize(Population population, String id) {
        return population.list(id).map(list -> list.members().size()).orElse(0);
    }
}
