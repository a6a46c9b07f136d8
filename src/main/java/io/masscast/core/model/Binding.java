package io.masscast.core.model;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;

/**
 * A channel bound to one creator's OFAuth connection: where campaigns for that creator are composed
 * and approved, in the creator's time zone, by the approvers named here (user or group ids).
 */
public record Binding(
        ChannelRef channel,
        String connectionId,
        String creatorName,
        ZoneId zone,
        Set<String> approvers,
        BindingPolicy policy) {

    public Binding {
        Objects.requireNonNull(channel, "channel");
        ChannelRef.requireText(connectionId, "connectionId");
        ChannelRef.requireText(creatorName, "creatorName");
        Objects.requireNonNull(zone, "zone");
        approvers = Set.copyOf(Objects.requireNonNull(approvers, "approvers"));
        Objects.requireNonNull(policy, "policy");
    }

    public Binding withPolicy(BindingPolicy newPolicy) {
        return new Binding(channel, connectionId, creatorName, zone, approvers, newPolicy);
    }

    public Binding withApprovers(Set<String> newApprovers) {
        return new Binding(channel, connectionId, creatorName, zone, newApprovers, policy);
    }
}
