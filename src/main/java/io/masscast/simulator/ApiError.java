package io.masscast.simulator;

/** An OFAuth error answer: status, machine {@code type}, human text and an optional action hint. */
final class ApiError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String actionRequired;

    private ApiError(int status, String type, String error, String actionRequired) {
        super(error, null, false, false);
        this.status = status;
        this.type = type;
        this.actionRequired = actionRequired;
    }

    static ApiError badRequest(String reason) {
        return new ApiError(400, "BAD_REQUEST", reason, null);
    }

    static ApiError unauthorized() {
        return new ApiError(401, "UNAUTHORIZED", "Invalid or missing API key", null);
    }

    static ApiError sessionNotProvided() {
        return new ApiError(
                401,
                "SESSION_NOT_PROVIDED",
                "No connection found for the x-connection-id header; re-authenticate via Link",
                null);
    }

    static ApiError sessionExpired() {
        return new ApiError(401, "SESSION_EXPIRED", "User session has expired", "refresh_session");
    }

    static ApiError forbidden(Permission missing) {
        return new ApiError(
                403,
                "FORBIDDEN",
                "This connection lacks the permission " + missing.wireName() + " required by this endpoint",
                null);
    }

    static ApiError resourceNotFound(String what) {
        return new ApiError(404, "RESOURCE_NOT_FOUND", what + " not found", null);
    }

    static ApiError routeNotFound(String method, String path) {
        return new ApiError(404, "ROUTE_NOT_FOUND", "No route for " + method + " " + path, null);
    }

    static ApiError rateLimited() {
        return new ApiError(429, "RATE_LIMIT_EXCEEDED", "Rate limit exceeded for this connection", null);
    }

    /** A 5xx as OFAuth's proxy reports it; the 5xx {@code type} names are not documented (assumption). */
    static ApiError server(int status) {
        return switch (status) {
            case 502 -> new ApiError(502, "PROXY_ERROR", "Upstream proxy error", null);
            case 503 -> new ApiError(503, "NETWORK_ERROR", "Upstream network error", null);
            default ->
                new ApiError(status, status >= 500 ? "UNKNOWN_ERROR" : "BAD_REQUEST", "Injected error " + status, null);
        };
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String actionRequired() {
        return actionRequired;
    }
}
