package io.masscast.simulator;

import java.time.Instant;
import java.util.Set;

/** An OFAuth connection to one creator's OnlyFans account. {@code expiredAt} is null while active. */
record Connection(
        String id,
        ConnectionStatus status,
        Set<Permission> permissions,
        String clientReferenceId,
        Instant createdAt,
        Instant updatedAt,
        Instant expiredAt) {

    Connection {
        permissions = Set.copyOf(permissions);
    }

    Connection expired(Instant at) {
        return new Connection(id, ConnectionStatus.EXPIRED, permissions, clientReferenceId, createdAt, at, at);
    }

    Connection restored(Instant at) {
        return new Connection(id, ConnectionStatus.ACTIVE, permissions, clientReferenceId, createdAt, at, null);
    }
}
