package io.masscast.adapter.discord;

/**
 * A Discord call that did not succeed: what was asked and Discord's answer (an error code and its meaning, or why
 * Discord could not be asked). It never carries the token or the message. The outbox retries a card or note whose
 * delivery threw this.
 */
final class DiscordCallFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DiscordCallFailed(String what, String why) {
        super(what + " failed: " + why);
    }
}
