package io.masscast.simulator;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Health checks: the API key (whoami), the connection list, and a connection's own profile (self). */
final class AccountRoutes implements RouteSet {
    private final Accounts accounts;

    AccountRoutes(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public void register(Router<ApiRoute> routes) {
        routes.add("GET", "/v2/account/whoami", new ApiRoute(null, call -> whoami()))
                .add("GET", "/v2/account/connections", new ApiRoute(null, this::connections))
                .add("GET", "/v2/access/self", new ApiRoute(Permission.PROFILE_READ, AccountRoutes::self));
    }

    private static ApiResponse whoami() {
        return ApiResponse.json(Json.object(
                "id", "org_sim_demo",
                "name", "masscast simulator",
                "permissions", List.of("access", "account")));
    }

    private ApiResponse connections(ApiCall call) {
        int limit = call.query().intInRange("limit", 10, 1, 100);
        Optional<String> status = call.query().string("status");
        if (status.isPresent() && !List.of("active", "expired", "awaiting_2fa").contains(status.get())) {
            throw ApiError.badRequest("status: must be one of active, expired, awaiting_2fa");
        }
        Optional<Boolean> imported = call.query().bool("imported");
        List<CreatorAccount> matching = accounts.all().stream()
                .filter(account -> status.map(
                                s -> s.equals(account.connection().status().wireName()))
                        .orElse(true))
                .filter(account -> imported.map(wanted -> !wanted).orElse(true)) // no simulated connection is imported
                .toList();
        Page<CreatorAccount> page = Page.of(matching, call.query().offset(), limit);
        return ApiResponse.json(Json.object(
                "list", page.items().stream().map(AccountRoutes::connection).toList(),
                "hasMore", page.hasMore()));
    }

    private static Map<String, Object> connection(CreatorAccount account) {
        Connection connection = account.connection();
        Creator creator = account.creator();
        return Json.object(
                "id", connection.id(),
                "status", connection.status().wireName(),
                "userData",
                        Json.object(
                                "id",
                                Long.toString(creator.userId()),
                                "name",
                                creator.name(),
                                "username",
                                creator.username(),
                                "avatar",
                                null),
                "permissions",
                        connection.permissions().stream()
                                .map(Permission::wireName)
                                .sorted()
                                .toList(),
                "expiredAt", OfDates.ofAuth(connection.expiredAt()),
                "createdAt", OfDates.ofAuth(connection.createdAt()),
                "updatedAt", OfDates.ofAuth(connection.updatedAt()),
                "clientReferenceId", connection.clientReferenceId(),
                "imported", false,
                "lastCheckedAt", OfDates.ofAuth(connection.updatedAt()));
    }

    private static ApiResponse self(ApiCall call) {
        CreatorAccount account = call.account();
        Creator creator = account.creator();
        List<VaultMedia> vault = account.vault().recent();
        return ApiResponse.json(Json.object(
                "id", creator.userId(),
                "username", creator.username(),
                "name", creator.name(),
                "isAuth", true,
                "isVerified", true,
                "avatar", null,
                "subscribersCount",
                        account.population().fans().stream().filter(Fan::active).count(),
                "postsCount", vault.size() / 2,
                "photosCount",
                        vault.stream()
                                .filter(media -> media.type() == MediaType.PHOTO)
                                .count(),
                "videosCount",
                        vault.stream()
                                .filter(media -> media.type() == MediaType.VIDEO)
                                .count()));
    }
}
