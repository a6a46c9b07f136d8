package io.masscast.ofauth;

import io.masscast.core.model.ConnectionInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An entry of {@code /account/connections}. */
public record ConnectionJson(String id, String status, UserJson userData, List<String> permissions, Instant expiredAt) {

    ConnectionInfo toConnection() {
        return new ConnectionInfo(
                id,
                status,
                userData == null ? null : userData.name(),
                userData == null ? null : userData.username(),
                permissions == null ? List.of() : permissions,
                Optional.ofNullable(expiredAt));
    }
}
