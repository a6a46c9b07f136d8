package io.masscast.simulator;

/** The OnlyFans creator behind a connection. */
record Creator(long userId, String name, String username) {}
