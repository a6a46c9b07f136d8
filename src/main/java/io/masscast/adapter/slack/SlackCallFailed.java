package io.masscast.adapter.slack;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
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
    private final boolean mayHaveArrived;

    private SlackCallFailed(String method, String error, Optional<Instant> retryAt, boolean mayHaveArrived) {
        super(method + " failed: " + error
                + retryAt.map(at -> " (Slack asks to wait until " + at + ")").orElse(""));
        this.error = error;
        this.retryAt = retryAt;
        this.mayHaveArrived = mayHaveArrived;
    }

    /** Slack answered with an error, or masscast did not send the call. */
    SlackCallFailed(String method, String error, Optional<Instant> retryAt) {
        this(method, error, retryAt, false);
    }

    SlackCallFailed(String method, String error) {
        this(method, error, Optional.empty());
    }

    /** The connection failed; unless it was never made, Slack may have acted on the call. */
    static SlackCallFailed transport(String method, IOException e) {
        boolean neverConnected = e instanceof ConnectException || e instanceof UnknownHostException;
        return new SlackCallFailed(method, e.getClass().getSimpleName(), Optional.empty(), !neverConnected);
    }

    /** Whether Slack may have done what was asked (posted the message) although the call failed. */
    boolean mayHaveArrived() {
        return mayHaveArrived;
    }

    String error() {
        return error;
    }

    /** When Slack said the method may be called again (after a 429). */
    Optional<Instant> retryAt() {
        return retryAt;
    }
}
