package io.masscast.core.model;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who acts: a platform user id, the name to show, and the groups (Slack user groups, Discord roles)
 * the adapter knows the user to be in, so an approver set may name a group instead of each person.
 * A set of user ids names a group as {@code &} and the group's id ({@link #groupRef}), so a group is never
 * taken for a person.
 */
public record Actor(String userId, String displayName, Set<String> groups) {
    private static final String GROUP = "&";

    public Actor {
        ChannelRef.requireText(userId, "userId");
        displayName = displayName == null || displayName.isBlank() ? userId : displayName;
        groups = Set.copyOf(Objects.requireNonNull(groups, "groups"));
    }

    public static Actor of(String userId, String displayName) {
        return new Actor(userId, displayName, Set.of());
    }

    /** How a set of user ids names the group {@code groupId}: {@code &S0123}, {@code &112233}. */
    public static String groupRef(String groupId) {
        return GROUP + groupId;
    }

    public static boolean isGroupRef(String id) {
        return id.startsWith(GROUP) && id.length() > GROUP.length();
    }

    /** The group a reference names, or empty if it names a person. */
    public static Optional<String> groupOf(String id) {
        return isGroupRef(id) ? Optional.of(id.substring(GROUP.length())) : Optional.empty();
    }

    /** This actor as a member of {@code groupIds} (the adapter found out which groups they are in). */
    public Actor withGroups(Set<String> groupIds) {
        return new Actor(userId, displayName, groupIds);
    }

    /** Whether this actor is named in the given set, directly or through one of their groups. */
    public boolean isIn(Set<String> userOrGroupIds) {
        return userOrGroupIds.contains(userId)
                || groups.stream().map(Actor::groupRef).anyMatch(userOrGroupIds::contains);
    }
}
