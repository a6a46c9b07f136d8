package io.masscast.core.model;

import java.util.Objects;
import java.util.Optional;

/**
 * A verified OFAuth system event about a connection ({@code connection.expired}, {@code connection.updated},
 * {@code connection.created}). {@code eventId} identifies one event across OFAuth's delivery retries.
 */
public record ConnectionEvent(String eventId, String type, String connectionId, Optional<String> status) {
    public static final String EXPIRED = "connection.expired";
    public static final String UPDATED = "connection.updated";
    public static final String CREATED = "connection.created";

    public ConnectionEvent {
        ChannelRef.requireText(eventId, "eventId");
        ChannelRef.requireText(type, "type");
        ChannelRef.requireText(connectionId, "connectionId");
        Objects.requireNonNull(status, "status");
    }
}
