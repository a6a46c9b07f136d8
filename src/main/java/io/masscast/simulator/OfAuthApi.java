package io.masscast.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OFAuth API itself: API key, route, then for {@code /v2/access/*} the connection, its rate limit, its
 * status and its permission, in that order; every answer on a known connection carries the rate-limit headers.
 */
final class OfAuthApi {
    private static final Logger log = LoggerFactory.getLogger(OfAuthApi.class);

    private final byte[] apiKey;
    private final Accounts accounts;
    private final AccessRateLimiter limiter;
    private final ErrorRenderer errors;
    private final SimClock clock;
    private final Router<ApiRoute> routes = new Router<>();

    OfAuthApi(
            String apiKey,
            Accounts accounts,
            AccessRateLimiter limiter,
            ErrorRenderer errors,
            SimClock clock,
            List<RouteSet> routeSets) {
        this.apiKey = apiKey.getBytes(StandardCharsets.UTF_8);
        this.accounts = accounts;
        this.limiter = limiter;
        this.errors = errors;
        this.clock = clock;
        routeSets.forEach(set -> set.register(routes));
    }

    ApiResponse handle(IncomingRequest request) {
        Map<String, String> rateHeaders = Map.of();
        try {
            if (!keyMatches(request.apiKey())) {
                throw ApiError.unauthorized();
            }
            Router.Match<ApiRoute> match = routes.match(request.method(), request.path())
                    .orElseThrow(() -> ApiError.routeNotFound(request.method(), request.path()));
            CreatorAccount account = null;
            if (request.isAccess()) {
                account = accounts.find(request.connectionId()).orElseThrow(ApiError::sessionNotProvided);
                AccessRateLimiter.Decision decision = limiter.consume(account.connectionId());
                rateHeaders = decision.headers();
                if (!decision.allowed()) {
                    throw ApiError.rateLimited();
                }
                admit(account.connection(), match.handler().permission());
            }
            ApiCall call =
                    new ApiCall(match.params(), QueryParams.parse(request.rawQuery()), request, account, clock.now());
            return match.handler().handler().handle(call).withHeaders(rateHeaders);
        } catch (ApiError error) {
            return errors.render(error).withHeaders(rateHeaders);
        } catch (RuntimeException bug) {
            log.error("simulator failed on {} {}", request.method(), request.path(), bug);
            return errors.render(ApiError.server(500)).withHeaders(rateHeaders);
        }
    }

    private static void admit(Connection connection, Permission required) {
        if (connection.status() == ConnectionStatus.EXPIRED) {
            throw ApiError.sessionExpired();
        }
        if (required != null && !connection.permissions().contains(required)) {
            throw ApiError.forbidden(required);
        }
    }

    private boolean keyMatches(String presented) {
        return presented != null && MessageDigest.isEqual(apiKey, presented.getBytes(StandardCharsets.UTF_8));
    }
}
