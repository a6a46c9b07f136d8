package io.masscast.core.command;

import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.model.Binding;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.FanList;
import io.masscast.core.model.VaultMedia;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthGateway;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The choices forms and pickers offer for a channel's creator: fan lists (with sizes), recent vault media, and
 * the channel's recent campaigns (for a platform that completes a campaign id as it is typed).
 */
public final class FormOptions {
    /** How far back campaign suggestions look. */
    private static final int RECENT_CAMPAIGNS = 100;

    /** A campaign to suggest: its id, and a line that tells it apart (the core's markup). */
    public record CampaignChoice(String humanId, String label) {}

    private final BindingService bindings;
    private final FanListCache lists;
    private final OfAuthGateway ofauth;
    private final CampaignService campaigns;
    private final Clock clock;
    private final CampaignCards cards = new CampaignCards();

    public FormOptions(
            BindingService bindings, FanListCache lists, OfAuthGateway ofauth, CampaignService campaigns, Clock clock) {
        this.bindings = bindings;
        this.lists = lists;
        this.ofauth = ofauth;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** Lists whose name contains {@code query} (all when blank); may call OFAuth when the cache is cold. */
    public List<FanList> lists(ChannelRef channel, String query) {
        String wanted = normalized(query);
        return bindings.find(channel)
                .map(b -> lists.lists(b.connectionId()).stream()
                        .filter(l -> wanted.isEmpty()
                                || l.name().toLowerCase(Locale.ROOT).contains(wanted)
                                || l.id().equals(wanted))
                        .toList())
                .orElse(List.of());
    }

    /** The newest vault media of the channel's creator, at most {@code limit}. */
    public List<VaultMedia> recentMedia(ChannelRef channel, int limit) {
        return bindings.find(channel)
                .map(Binding::connectionId)
                .map(connection -> ofauth.vaultMedia(connection, limit, 0, CallPriority.INTERACTIVE)
                        .items())
                .orElse(List.of());
    }

    /** The channel's recent campaigns whose id or text contains {@code query}, newest first, at most {@code limit}. */
    public List<CampaignChoice> campaigns(ChannelRef channel, String query, int limit) {
        String wanted = normalized(query);
        return bindings.find(channel)
                .map(binding -> campaigns.list(channel, EnumSet.allOf(CampaignState.class), RECENT_CAMPAIGNS).stream()
                        .filter(c -> wanted.isEmpty()
                                || c.humanId().toLowerCase(Locale.ROOT).contains(wanted)
                                || c.content().text().toLowerCase(Locale.ROOT).contains(wanted))
                        .limit(limit)
                        .map(c -> new CampaignChoice(c.humanId(), cards.line(c, binding.zone(), clock.instant())))
                        .toList())
                .orElse(List.of());
    }

    private static String normalized(String query) {
        return query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
    }
}
