package io.masscast.core.command;

import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignAction;
import io.masscast.core.campaign.CampaignException;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.ChannelRef;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** {@code new} and {@code edit}: from {@code key=value} arguments, typed options or a submitted form. */
public final class ComposeCommands {
    private final CampaignService campaigns;
    private final BindingService bindings;
    private final FanListCache lists;
    private final DraftParser parser;

    public ComposeCommands(CampaignService campaigns, BindingService bindings, FanListCache lists, Clock clock) {
        this.campaigns = campaigns;
        this.bindings = bindings;
        this.lists = lists;
        this.parser = new DraftParser(clock);
    }

    Reply compose(CommandRouter.Invocation invocation) {
        Binding binding = bindings.require(invocation.channel());
        if (invocation.named().isEmpty()) {
            return new Reply.Form(newForm(binding, Map.of()));
        }
        return submit(invocation.channel(), invocation.actor(), Optional.empty(), invocation.named());
    }

    Reply edit(CommandRouter.Invocation invocation) {
        Campaign campaign = CampaignRefs.resolve(campaigns, invocation, "edit MC-ID [key=value ...]");
        if (invocation.named().isEmpty()) {
            return editForm(invocation.channel(), invocation.actor(), campaign.id());
        }
        return submit(invocation.channel(), invocation.actor(), Optional.of(campaign.id()), invocation.named());
    }

    /** The form to edit a campaign, prefilled; refused early if the actor could not submit it. */
    Reply editForm(ChannelRef channel, Actor actor, long campaignId) {
        Campaign campaign = CampaignRefs.inWorkspace(campaigns, channel, campaignId);
        if (!CampaignAction.EDIT.allowsFrom(campaign.state())) {
            throw new CampaignException.IllegalTransition(campaign.humanId() + " is " + campaign.state().label()
                    + ", so it can't be edited.");
        }
        if (!campaign.isRequestedBy(actor)) {
            throw new CampaignException.NotPermitted("Only the requester can edit " + campaign.humanId() + ".");
        }
        Binding binding = bindings.require(campaign.channel());
        return new Reply.Form(editForm(campaign, binding, Map.of()));
    }

    /**
     * Creates (no id) or edits a campaign from form values. In an edit, a value that reads exactly as the form
     * showed it changes nothing, so the campaign keeps what it has (its exact send time, its full text).
     */
    Reply submit(ChannelRef channel, Actor actor, Optional<Long> campaignId, Map<String, ? extends FieldValue> submitted) {
        Optional<Campaign> existing = campaignId.map(id -> CampaignRefs.inWorkspace(campaigns, channel, id));
        Binding binding = bindings.require(existing.map(Campaign::channel).orElse(channel));
        CampaignDraft base = existing.map(FormValues::draftOf).orElse(DraftParser.empty());
        Map<String, FieldValue> values = existing.isPresent() ? changed(submitted, FormValues.of(base, binding.zone()), binding)
                : new LinkedHashMap<>(submitted);
        FormSpec again = existing.map(c -> editForm(c, binding, submitted)).orElse(newForm(binding, submitted));
        DraftParser.Result parsed = parser.parse(values, base, binding, () -> lists.lists(binding.connectionId()));
        if (parsed.draft().isEmpty()) {
            return new Reply.Errors(parsed.errors(), again);
        }
        try {
            CampaignService.Composed composed = existing.isPresent()
                    ? campaigns.edit(existing.get().id(), actor, parsed.draft().get())
                    : campaigns.compose(channel, actor, parsed.draft().get());
            return Reply.privately(confirmation(composed, existing.isPresent()));
        } catch (CampaignException.PolicyViolation violation) {
            return new Reply.Errors(violation.errors(), again);
        }
    }

    private String confirmation(CampaignService.Composed composed, boolean edited) {
        Campaign campaign = composed.campaign();
        // said before the outbox posts the card (and true even if posting fails and is retried)
        String head = campaign.humanId() + (edited ? " was edited and" : "") + " is waiting for approval. Its card goes to "
                + "the channel for the approvers; /masscast show " + campaign.humanId() + " shows it to you now.";
        return composed.notes().isEmpty() ? head : head + "\n" + String.join("\n", composed.notes());
    }

    /** The values that differ from what the form showed (as typed values, or as text a person typed). */
    private static Map<String, FieldValue> changed(Map<String, ? extends FieldValue> submitted, Map<String, FieldValue> shown,
                                                   Binding binding) {
        Map<String, FieldValue> changed = new LinkedHashMap<>();
        submitted.forEach((key, value) -> {
            FieldValue before = shown.get(key);
            boolean same = before != null && (before.equals(value)
                    || FormValues.typed(key, before, binding.zone()).equals(FormValues.typed(key, value, binding.zone())));
            if (!same) {
                changed.put(key, value);
            }
        });
        return changed;
    }

    /** The new-campaign form: an empty draft's defaults, overlaid with what was given. */
    private FormSpec newForm(Binding binding, Map<String, ? extends FieldValue> given) {
        return new FormSpec(Optional.empty(), "New mass message for " + binding.creatorName(), binding.creatorName(),
                binding.zone(), FormValues.of(DraftParser.empty(), binding.zone())).with(given);
    }

    /** The form to edit a campaign: the campaign as it is, overlaid with what was given. */
    private FormSpec editForm(Campaign campaign, Binding binding, Map<String, ? extends FieldValue> given) {
        return new FormSpec(Optional.of(campaign.id()), "Edit " + campaign.humanId(), binding.creatorName(),
                binding.zone(), FormValues.of(FormValues.draftOf(campaign), binding.zone())).with(given);
    }
}
