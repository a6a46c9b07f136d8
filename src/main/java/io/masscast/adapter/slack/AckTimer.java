package io.masscast.adapter.slack;

import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import io.masscast.core.model.Platform;
import io.masscast.core.port.InteractionObserver;
import java.time.Duration;

/**
 * Times each request from the replay check to the acknowledgement the listener returns (the response to the HTTP
 * request, or the Socket Mode ack), and reports it by kind: {@code command}, {@code button}, {@code form_submission},
 * {@code suggestion}. Slack allows 3 seconds.
 */
final class AckTimer implements Middleware {
    private final InteractionObserver observer;

    AckTimer(InteractionObserver observer) {
        this.observer = observer;
    }

    @Override
    @SuppressWarnings("rawtypes") // Bolt's Middleware interface takes the raw Request
    public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
        long start = System.nanoTime();
        try {
            return chain.next(req);
        } finally {
            observer.acknowledged(
                    Platform.SLACK, kind(req.getRequestType()), Duration.ofNanos(System.nanoTime() - start));
        }
    }

    static String kind(RequestType type) {
        return switch (type) {
            case Command -> "command";
            case BlockAction -> "button";
            case ViewSubmission -> "form_submission";
            case BlockSuggestion -> "suggestion";
            default -> "other";
        };
    }
}
