package io.masscast.config;

import java.util.Arrays;
import java.util.Optional;

/** Slack's token kinds, told apart by prefix, so a message can say which one was put where. */
enum SlackTokenKind {
    BOT("xoxb-", "a bot token (xoxb-…)"),
    USER("xoxp-", "a user token (xoxp-…)"),
    APP("xapp-", "an app-level token (xapp-…)"),
    ROTATING("xoxe", "a rotating token (xoxe…), which masscast does not refresh"),
    BROWSER("xoxc-", "a browser session token (xoxc-…)");

    private final String prefix;
    private final String description;

    SlackTokenKind(String prefix, String description) {
        this.prefix = prefix;
        this.description = description;
    }

    static Optional<SlackTokenKind> of(Secret token) {
        return Arrays.stream(values())
                .filter(kind -> token.reveal().startsWith(kind.prefix))
                .findFirst();
    }

    String prefix() {
        return prefix;
    }

    /** Safe to print: names the kind and its prefix, never the token. */
    String description() {
        return description;
    }
}
