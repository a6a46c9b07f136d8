package io.masscast.simulator;

import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Connection permissions that gate Access endpoints. */
enum Permission {
    MESSAGES_READ("messages:read"),
    MESSAGES_WRITE("messages:write"),
    ANALYTICS_READ("analytics:read"),
    LISTS_READ("lists:read"),
    LISTS_WRITE("lists:write"),
    SUBSCRIPTIONS_READ("subscriptions:read"),
    SUBSCRIBERS_READ("subscribers:read"),
    VAULT_READ("vault:read"),
    VAULT_WRITE("vault:write"),
    PROFILE_READ("profile:read");

    private final String wireName;

    Permission(String wireName) {
        this.wireName = wireName;
    }

    String wireName() {
        return wireName;
    }

    static Set<Permission> all() {
        return EnumSet.allOf(Permission.class);
    }

    static Set<Permission> readOnly() {
        return EnumSet.allOf(Permission.class).stream()
                .filter(p -> p.wireName.endsWith(":read"))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Permission.class)));
    }
}
