package io.masscast.config;

import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * Who may bind channels and set policy.
 *
 * @param adminIds platform user ids (Slack {@code U…}, Discord snowflakes), in the order given
 */
public record AccessSettings(Set<String> adminIds) {

    public AccessSettings {
        adminIds = Collections.unmodifiableSet(new LinkedHashSet<>(Objects.requireNonNull(adminIds, "adminIds")));
        if (adminIds.stream().anyMatch(id -> id.isBlank() || !id.strip().equals(id))) {
            throw new IllegalArgumentException("admin ids must be non-blank, without surrounding whitespace");
        }
    }

    public boolean isAdmin(String userId) {
        return adminIds.contains(userId);
    }

    public String describe() {
        return adminIds.isEmpty()
                ? "admins: none (set MASSCAST_ADMINS so someone can bind channels and set policy)"
                : "admins: " + String.join(", ", adminIds);
    }
}
