package io.masscast.ofauth;

import io.masscast.core.port.CallPriority;
import java.util.Objects;
import java.util.Optional;

/**
 * One gateway call as the retry and rate-limit logic sees it: its name for messages and logs, the connection
 * whose bucket it spends (none for {@code /v2/account/*}), its priority, and how it may be retried.
 */
record Operation(String name, Optional<String> connectionId, CallPriority priority, Kind kind) {

    enum Kind {
        /** GET: retried on transient failures. */
        READ,
        /** PUT, DELETE: idempotent, retried like a read. */
        WRITE,
        /** POST create: retried only when the request provably never left. */
        CREATE
    }

    Operation {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(connectionId, "connectionId");
        Objects.requireNonNull(priority, "priority");
        Objects.requireNonNull(kind, "kind");
    }

    static Operation access(String name, String connectionId, CallPriority priority, Kind kind) {
        if (connectionId == null || connectionId.isBlank()) {
            throw new IllegalArgumentException("connectionId must not be blank");
        }
        return new Operation(name, Optional.of(connectionId), priority, kind);
    }

    /** A {@code /v2/account/*} read: no connection, not rate limited. */
    static Operation account(String name) {
        return new Operation(name, Optional.empty(), CallPriority.INTERACTIVE, Kind.READ);
    }
}
