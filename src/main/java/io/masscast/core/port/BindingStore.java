package io.masscast.core.port;

import io.masscast.core.model.Binding;
import io.masscast.core.model.ChannelRef;
import java.util.List;
import java.util.Optional;

/** Channel bindings: which creator connection a channel speaks for, and its policy. */
public interface BindingStore {

    Optional<Binding> find(ChannelRef channel);

    /** Inserts the binding, or replaces the one the channel already has. */
    void save(Binding binding);

    List<Binding> all();
}
