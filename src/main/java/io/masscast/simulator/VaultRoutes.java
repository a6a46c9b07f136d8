package io.masscast.simulator;

import java.util.List;

/** The vault media list. */
final class VaultRoutes implements RouteSet {

    @Override
    public void register(Router<ApiRoute> routes) {
        routes.add("GET", "/v2/access/vault/media", new ApiRoute(Permission.VAULT_READ, VaultRoutes::media));
    }

    /** Newest first, optionally one {@code mediaType}; other sort orders and filters are not simulated. */
    private static ApiResponse media(ApiCall call) {
        int limit = call.query().intInRange("limit", 24, 1, 40);
        MediaType type = call.query()
                .string("mediaType")
                .map(name -> MediaType.fromWireName(name)
                        .orElseThrow(() -> ApiError.badRequest("mediaType: must be one of photo, video, gif, audio")))
                .orElse(null);
        List<VaultMedia> matching = call.account().vault().recent().stream()
                .filter(media -> type == null || media.type() == type)
                .toList();
        Page<VaultMedia> page = Page.of(matching, call.query().offset(), limit);
        return ApiResponse.json(Json.object(
                "list", page.items().stream().map(MediaRenderer::media).toList(),
                "hasMore", page.hasMore()));
    }
}
