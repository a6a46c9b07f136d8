package io.masscast.core.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** An OFAuth connection (one creator's OnlyFans session) and its status: active, expired, awaiting_2fa, ... */
public record ConnectionInfo(
        String id,
        String status,
        String creatorName,
        String username,
        List<String> permissions,
        Optional<Instant> expiredAt) {
    public ConnectionInfo {
        ChannelRef.requireText(id, "id");
        status = status == null ? "" : status;
        creatorName = creatorName == null ? "" : creatorName;
        username = username == null ? "" : username;
        permissions = List.copyOf(permissions);
        Objects.requireNonNull(expiredAt, "expiredAt");
    }

    public boolean isActive() {
        return "active".equals(status);
    }
}
