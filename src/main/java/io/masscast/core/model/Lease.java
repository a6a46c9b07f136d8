package io.masscast.core.model;

import java.time.Instant;
import java.util.Objects;

/** A named claim on background work held by one process until it expires (see LeaseStore). */
public record Lease(String name, String owner, Instant expiresAt) {
    public Lease {
        ChannelRef.requireText(name, "name");
        ChannelRef.requireText(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }
}
