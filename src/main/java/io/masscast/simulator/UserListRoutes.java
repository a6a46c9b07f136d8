package io.masscast.simulator;

import java.util.List;
import java.util.Locale;

/** Fan lists and their members (read only). */
final class UserListRoutes implements RouteSet {
    private static final String LISTS = "/v2/access/users/lists";

    @Override
    public void register(Router<ApiRoute> routes) {
        routes.add("GET", LISTS, new ApiRoute(Permission.LISTS_READ, UserListRoutes::lists))
                .add("GET", LISTS + "/{listId}", new ApiRoute(Permission.LISTS_READ, UserListRoutes::one))
                .add("GET", LISTS + "/{listId}/users", new ApiRoute(Permission.LISTS_READ, UserListRoutes::members));
    }

    private static ApiResponse lists(ApiCall call) {
        int limit = call.query().intInRange("limit", 10, 1, 100);
        String query = call.query()
                .string("query")
                .map(q -> q.toLowerCase(Locale.ROOT))
                .orElse("");
        Population population = call.account().population();
        List<UserList> matching = population.lists().stream()
                .filter(list -> list.name().toLowerCase(Locale.ROOT).contains(query))
                .toList();
        Page<UserList> page = Page.of(matching, call.query().offset(), limit);
        return ApiResponse.json(Json.object(
                "list",
                        page.items().stream()
                                .map(list -> FanRenderer.list(list, population))
                                .toList(),
                "hasMore", page.hasMore()));
    }

    private static ApiResponse one(ApiCall call) {
        return ApiResponse.json(FanRenderer.list(list(call), call.account().population()));
    }

    private static ApiResponse members(ApiCall call) {
        int limit = call.query().intInRange("limit", 10, 1, 100);
        Population population = call.account().population();
        Page<Fan> page =
                Page.of(population.members(list(call).members()), call.query().offset(), limit);
        return ApiResponse.json(Json.object(
                "list", page.items().stream().map(FanRenderer::user).toList(),
                "hasMore", page.hasMore(),
                "nextOffset", page.hasMore() ? page.nextOffset() : null));
    }

    private static UserList list(ApiCall call) {
        String id = call.pathParam("listId");
        return call.account().population().list(id).orElseThrow(() -> ApiError.resourceNotFound("List " + id));
    }
}
