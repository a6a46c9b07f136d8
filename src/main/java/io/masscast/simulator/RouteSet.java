package io.masscast.simulator;

/** A group of OFAuth endpoints that registers its routes. */
interface RouteSet {
    void register(Router<ApiRoute> routes);
}
