package io.masscast.simulator;

/**
 * A handler and the connection permission it needs (null on {@code /v2/account/*} routes).
 */
record ApiRoute(Permission permission, Handler handler) {

    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiCall call);
    }
}
