package io.masscast.core.policy;

import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import java.util.Set;

/** Who may do what: admins (from configuration) bind channels and set policy; a binding names its approvers. */
public final class Permissions {
    private final Set<String> admins;

    public Permissions(Set<String> admins) {
        this.admins = Set.copyOf(admins);
    }

    public boolean isAdmin(Actor actor) {
        return actor.isIn(admins);
    }

    public boolean isApprover(Binding binding, Actor actor) {
        return actor.isIn(binding.approvers());
    }
}
