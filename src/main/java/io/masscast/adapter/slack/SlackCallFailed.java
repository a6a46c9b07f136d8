package io.masscast.adapter.slack;

import java.time.Instant;
import java.util.Optional;

/**
 * A Slack Web API call that did not succeed: the method and Slack's error code ({@code channel_not_found},
 * {@code ratelimited}, {@code http_500}, ...). It never carries the token or the message. The outbox retries
 * a card or note whose delivery threw this.
 */
final class SlackCallFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String error;
    private final transient Optional<Instant> retryAt;

    SlackCallFailed(String method, String error, Optional<Instant> retryAt) {
        super(method + " failed: " + error + retryAt.map(at -> " (Slack asks to wait until " + at + ")").orElse(""));
        this.error = error;
        this.retryAt = retryAt;
    }

    SlackCallFailed(String method, String error) {
        this(method, error, Optional.empty());
    }

    String error() {
        return error;
    }

    /** When Slack said the method may be called again (after a 429). */
    Optional<Instant> retryAt() {
        return retryAt;
    }
}
