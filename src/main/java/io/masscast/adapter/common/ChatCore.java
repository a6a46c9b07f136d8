package io.masscast.adapter.common;

import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.FormOptions;
import io.masscast.core.model.ChannelRef;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What a chat adapter uses of the core: the command layer, the choices its forms and pickers offer, and the
 * groups a channel's approver set names (for a platform whose payloads don't say which groups a user is in).
 */
public record ChatCore(CommandRouter router, FormOptions options, Function<ChannelRef, Set<String>> approverGroups) {
    public ChatCore {
        Objects.requireNonNull(router, "router");
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(approverGroups, "approverGroups");
    }
}
