package io.masscast.core.model;

/** The creator behind a connection, as {@code /access/self} reports; {@code authenticated} is OFAuth's isAuth. */
public record CreatorProfile(String id, String username, String name, boolean authenticated) {}
