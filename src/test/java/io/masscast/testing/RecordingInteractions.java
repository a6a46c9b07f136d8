package io.masscast.testing;

import io.masscast.core.model.Platform;
import io.masscast.core.port.InteractionObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Keeps every acknowledgement an adapter reported: its platform, kind and latency. */
public final class RecordingInteractions implements InteractionObserver {
    /** One acknowledged interaction. */
    public record Ack(Platform platform, String kind, Duration latency) {}

    private final List<Ack> acks = new ArrayList<>();

    @Override
    public synchronized void acknowledged(Platform platform, String kind, Duration latency) {
        acks.add(new Ack(platform, kind, latency));
    }

    public synchronized List<Ack> acks() {
        return List.copyOf(acks);
    }
}
