package io.masscast.core.command;

import io.masscast.core.campaign.BindingService;
import io.masscast.core.model.Binding;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.FanList;
import io.masscast.core.model.VaultMedia;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthGateway;
import java.util.List;
import java.util.Locale;

/** The choices a compose form offers for a channel's creator: fan lists (with sizes) and recent vault media. */
public final class FormOptions {
    private final BindingService bindings;
    private final FanListCache lists;
    private final OfAuthGateway ofauth;

    public FormOptions(BindingService bindings, FanListCache lists, OfAuthGateway ofauth) {
        this.bindings = bindings;
        this.lists = lists;
        this.ofauth = ofauth;
    }

    /** Lists whose name contains {@code query} (all when blank); may call OFAuth when the cache is cold. */
    public List<FanList> lists(ChannelRef channel, String query) {
        String wanted = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return bindings.find(channel)
                .map(b -> lists.lists(b.connectionId()).stream()
                        .filter(l -> wanted.isEmpty() || l.name().toLowerCase(Locale.ROOT).contains(wanted)
                                || l.id().equals(wanted))
                        .toList())
                .orElse(List.of());
    }

    /** The newest vault media of the channel's creator, at most {@code limit}. */
    public List<VaultMedia> recentMedia(ChannelRef channel, int limit) {
        return bindings.find(channel).map(Binding::connectionId)
                .map(connection -> ofauth.vaultMedia(connection, limit, 0, CallPriority.INTERACTIVE).items())
                .orElse(List.of());
    }
}
