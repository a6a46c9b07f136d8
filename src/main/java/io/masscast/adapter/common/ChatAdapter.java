package io.masscast.adapter.common;

import io.javalin.http.Handler;
import io.masscast.core.health.Readiness;
import io.masscast.core.model.Platform;
import io.masscast.core.port.ChatNotifier;
import java.util.Map;

/**
 * A chat platform as the server mode runs it, next to the others in the same process: it serves its HTTP routes
 * (if the platform calls in over HTTP), connects at {@link #start()}, delivers the cards and notes of its own
 * platform's channels through {@link #notifier()}, and lets go at {@link #stop()}.
 */
public interface ChatAdapter {

    /** The platform whose channels this adapter serves. */
    Platform platform();

    /** Posts and updates cards, and posts notes, in this platform's channels. */
    ChatNotifier notifier();

    /**
     * POST routes to mount on masscast's HTTP server (path to handler), before the server starts; they may be
     * called before {@link #start()} has finished and must answer so. None for a platform that connects out.
     */
    default Map<String, Handler> routes() {
        return Map.of();
    }

    /** Connects. Fails with an exception that says what to fix when the platform refuses (a wrong token). Called once. */
    void start();

    /** Whether the platform is connected and taking interactions, for {@code /readyz}; quick, no call to the platform. */
    Readiness readiness();

    /**
     * The first step of a stop: take no new interaction (the platform is told to go elsewhere, or the person is told to
     * try again), while cards and notes can still be posted for the outbox's last delivery. {@link #stop()} follows.
     */
    void stopAccepting();

    /** Disconnects and lets running work finish; safe to call more than once. */
    void stop();
}
