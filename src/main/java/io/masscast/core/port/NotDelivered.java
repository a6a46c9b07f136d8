package io.masscast.core.port;

/**
 * Thrown by a {@link ChatNotifier} when the chat platform certainly did not show the message (it answered
 * with a refusal, or the request never left), so the outbox may try again without posting it twice. Any
 * other failure means the message may have been shown.
 */
public final class NotDelivered extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public NotDelivered(String message, Throwable cause) {
        super(message, cause);
    }
}
