package io.masscast.adapter.common;

import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.FormOptions;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.port.InteractionObserver;
import io.masscast.core.port.SeenRequests;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What a chat adapter uses of the rest of masscast: the command layer, the choices its forms and pickers offer, the
 * groups a channel's approver set names (for a platform whose payloads don't say which groups a user is in), the
 * memory of signed requests already seen (shared by the replicas on PostgreSQL), and who hears how fast each
 * interaction was acknowledged (metrics).
 */
public record ChatCore(
        CommandRouter router,
        FormOptions options,
        Function<ChannelRef, Set<String>> approverGroups,
        SeenRequests seenRequests,
        InteractionObserver interactions) {
    public ChatCore {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(approverGroups, "approverGroups");
        Objects.requireNonNull(seenRequests, "seenRequests");
        Objects.requireNonNull(interactions, "interactions");
    }
}
