package io.masscast.core.model;

/** The chat platform a channel lives on. */
public enum Platform {
    SLACK,
    DISCORD,
    SHELL
}
