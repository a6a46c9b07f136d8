package io.masscast.config;

/** A chat front end masscast can run. */
public enum Adapter {
    SLACK("Slack"),
    DISCORD("Discord"),
    SHELL("shell");

    private final String label;

    Adapter(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
