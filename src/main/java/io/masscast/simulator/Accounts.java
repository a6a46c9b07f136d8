package io.masscast.simulator;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The connections the simulator knows, in seeding order. */
final class Accounts {
    private final Map<String, CreatorAccount> byConnectionId = new LinkedHashMap<>();

    Accounts(List<CreatorAccount> accounts) {
        accounts.forEach(account -> byConnectionId.put(account.connectionId(), account));
    }

    Optional<CreatorAccount> find(String connectionId) {
        return connectionId == null ? Optional.empty() : Optional.ofNullable(byConnectionId.get(connectionId));
    }

    CreatorAccount require(String connectionId) {
        return find(connectionId)
                .orElseThrow(() -> new IllegalArgumentException("unknown connection: " + connectionId));
    }

    List<CreatorAccount> all() {
        return List.copyOf(byConnectionId.values());
    }

    List<String> connectionIds() {
        return List.copyOf(byConnectionId.keySet());
    }
}
