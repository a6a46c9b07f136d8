package io.masscast.core.campaign;

import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.policy.Permissions;
import io.masscast.core.port.Transactor;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** Binding channels to creators and setting their policy: admins only. */
public final class BindingService {
    private final Transactor transactor;
    private final Permissions permissions;

    public BindingService(Transactor transactor, Permissions permissions) {
        this.transactor = transactor;
        this.permissions = permissions;
    }

    public Optional<Binding> find(ChannelRef channel) {
        return transactor.inTransaction(stores -> stores.bindings().find(channel));
    }

    /**
     * The groups (Slack user groups, Discord roles) the channel's approver set names, by group id: an adapter
     * that has to look up group membership looks up these.
     */
    public Set<String> approverGroups(ChannelRef channel) {
        return find(channel)
                .map(binding -> binding.approvers().stream()
                        .map(Actor::groupOf)
                        .flatMap(Optional::stream)
                        .collect(Collectors.toUnmodifiableSet()))
                .orElse(Set.of());
    }

    /** The channel's binding, or the refusal that says how to bind it. */
    public Binding require(ChannelRef channel) {
        return find(channel).orElseThrow(CampaignException.NotBound::new);
    }

    /** Binds (or re-binds) a channel. The caller has checked that the connection exists at OFAuth. */
    public Binding bind(Actor actor, Binding binding) {
        requireAdmin(actor, "bind a channel");
        return transactor.inTransaction(stores -> {
            stores.bindings().save(binding);
            return binding;
        });
    }

    /** Changes a bound channel's approvers or policy. */
    public Binding update(Actor actor, ChannelRef channel, UnaryOperator<Binding> change) {
        requireAdmin(actor, "change this channel's policy");
        return transactor.inTransaction(stores -> {
            Binding current = stores.bindings().find(channel).orElseThrow(CampaignException.NotBound::new);
            Binding changed = change.apply(current);
            stores.bindings().save(changed);
            return changed;
        });
    }

    private void requireAdmin(Actor actor, String what) {
        if (!permissions.isAdmin(actor)) {
            throw new CampaignException.NotPermitted(
                    "Only admins can " + what + ". Admins are the user ids listed in MASSCAST_ADMINS.");
        }
    }
}
