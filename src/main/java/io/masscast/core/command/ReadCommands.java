package io.masscast.core.command;

import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.FanList;
import io.masscast.core.model.Page;
import io.masscast.core.model.VaultMedia;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthGateway;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** The commands that only look: list, show, lists, vault. */
public final class ReadCommands {
    private static final int LIST_LIMIT = 15;
    private static final int VAULT_LIMIT = 24;

    private final CampaignService campaigns;
    private final BindingService bindings;
    private final CampaignViews views;
    private final FanListCache lists;
    private final OfAuthGateway ofauth;
    private final Clock clock;
    private final CampaignCards cards = new CampaignCards();

    public ReadCommands(
            CampaignService campaigns,
            BindingService bindings,
            CampaignViews views,
            FanListCache lists,
            OfAuthGateway ofauth,
            Clock clock) {
        this.campaigns = campaigns;
        this.bindings = bindings;
        this.views = views;
        this.lists = lists;
        this.ofauth = ofauth;
        this.clock = clock;
    }

    Reply list(CommandRouter.Invocation invocation) {
        Binding binding = bindings.require(invocation.channel());
        List<Campaign> recent = campaigns.list(invocation.channel(), EnumSet.allOf(CampaignState.class), LIST_LIMIT);
        if (recent.isEmpty()) {
            return Reply.privately("No campaigns in this channel yet. Start one with /masscast new.");
        }
        StringBuilder out = new StringBuilder("Recent campaigns for " + binding.creatorName() + ":");
        recent.forEach(c -> out.append("\n• ").append(cards.line(c, binding.zone(), clock.instant())));
        return Reply.privately(out.toString());
    }

    Reply show(CommandRouter.Invocation invocation) {
        Campaign campaign = CampaignRefs.resolve(campaigns, invocation, "show MC-ID");
        return new Reply.CardReply(cards.render(views.of(campaign)), true);
    }

    /** The button the campaign's card offers now for {@code action} (same verb and version), if it still does. */
    Optional<CardAction> currentAction(ActionId action) {
        return campaigns
                .find(action.campaignId())
                .flatMap(campaign -> cards.render(views.of(campaign)).actions().stream()
                        .filter(offered -> offered.id().equals(action))
                        .findFirst());
    }

    Reply lists(CommandRouter.Invocation invocation) {
        Binding binding = bindings.require(invocation.channel());
        List<FanList> all = lists.lists(binding.connectionId());
        StringBuilder out =
                new StringBuilder(binding.creatorName() + "'s lists (use the name or the id in lists= and exclude=):");
        for (FanList list : all) {
            out.append("\n• ")
                    .append(list.name())
                    .append(" · id ")
                    .append(list.id())
                    .append(list.usersCount()
                            .map(n -> " · " + Formats.count(n) + " fans")
                            .orElse(""));
        }
        return Reply.privately(out.toString());
    }

    Reply vault(CommandRouter.Invocation invocation) {
        Binding binding = bindings.require(invocation.channel());
        Page<VaultMedia> page = ofauth.vaultMedia(binding.connectionId(), VAULT_LIMIT, 0, CallPriority.INTERACTIVE);
        if (page.items().isEmpty()) {
            return Reply.privately(binding.creatorName() + "'s vault is empty.");
        }
        StringBuilder out =
                new StringBuilder("Recent vault media of " + binding.creatorName() + " (use the ids in media=):");
        page.items()
                .forEach(m -> out.append("\n• ")
                        .append(m.id())
                        .append(" · ")
                        .append(m.type())
                        .append(m.createdAt()
                                .map(at -> " · " + Formats.relative(at, clock.instant()))
                                .orElse("")));
        return Reply.privately(out.toString());
    }
}
