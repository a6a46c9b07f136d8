package io.masscast.core.command;

import io.masscast.core.besttime.BestTimeService;
import io.masscast.core.campaign.AbTestService;
import io.masscast.core.campaign.AttachedMedia;
import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignAction;
import io.masscast.core.campaign.CampaignException;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.campaign.MediaUploadService;
import io.masscast.core.model.AbSplit;
import io.masscast.core.model.AbTestParts;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Attachment;
import io.masscast.core.model.Binding;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignDraft;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatFile;
import io.masscast.core.policy.Excerpt;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import io.masscast.core.policy.MediaLimits;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code new} and {@code edit}: from {@code key=value} arguments, typed options or a submitted form. With
 * {@code split=} and variant keys, {@code new} composes an A/B test ({@link AbTestParser}); {@code confirm=yes} lets a
 * text through that is the same as a campaign's going out within minutes.
 */
public final class ComposeCommands {
    private final CampaignService campaigns;
    private final AbTestService tests;
    private final BindingService bindings;
    private final FanListCache lists;
    private final DraftParser parser;
    private final AbTestParser testParser;
    private final BestTimeService bestTimes;
    private final MediaUploadService uploads;

    public ComposeCommands(
            CampaignService campaigns,
            AbTestService tests,
            BindingService bindings,
            FanListCache lists,
            BestTimeService bestTimes,
            MediaUploadService uploads,
            Clock clock) {
        this.campaigns = campaigns;
        this.tests = tests;
        this.bindings = bindings;
        this.lists = lists;
        this.bestTimes = bestTimes;
        this.uploads = uploads;
        this.parser = new DraftParser(clock);
        this.testParser = new AbTestParser(parser);
    }

    Reply compose(CommandRouter.Invocation invocation) {
        Binding binding = bindings.require(invocation.channel());
        if (invocation.named().isEmpty()) {
            return new Reply.Form(withBestTime(newForm(binding, Map.of()), binding));
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
            throw new CampaignException.IllegalTransition(
                    campaign.humanId() + " is " + campaign.state().label() + ", so it can't be edited.");
        }
        if (!campaign.isRequestedBy(actor)) {
            throw new CampaignException.NotPermitted("Only the requester can edit " + campaign.humanId() + ".");
        }
        Binding binding = bindings.require(campaign.channel());
        return new Reply.Form(withBestTime(editForm(campaign, binding, Map.of()), binding));
    }

    /**
     * Creates (no id) or edits a campaign from form values. In an edit, a value that reads exactly as the form
     * showed it changes nothing, so the campaign keeps what it has (its exact send time, its full text).
     */
    Reply submit(
            ChannelRef channel, Actor actor, Optional<Long> campaignId, Map<String, ? extends FieldValue> submitted) {
        Optional<Campaign> existing = campaignId.map(id -> CampaignRefs.inWorkspace(campaigns, channel, id));
        ChannelRef home = existing.map(Campaign::channel).orElse(channel);
        Binding binding = bindings.require(home);
        CampaignDraft base = existing.map(FormValues::draftOf).orElse(DraftParser.empty());
        Map<String, FieldValue> values = existing.isPresent()
                ? changed(submitted, FormValues.of(base, binding.zone()), binding)
                : new LinkedHashMap<>(submitted);
        FormSpec again = existing.map(c -> editForm(c, binding, submitted)).orElse(newForm(binding, submitted));
        List<FieldError> errors = new ArrayList<>();
        boolean confirmed = confirmed(values, errors);
        if (AbTestParser.asksForTest(values)) {
            if (existing.isPresent()) {
                return new Reply.Errors(
                        List.of(new FieldError(
                                Fields.SPLIT,
                                "An edit changes one message; an A/B test is" + " composed with /masscast new. Cancel "
                                        + existing.get().humanId() + " and compose the test instead.")),
                        again);
            }
            List<ChatFile> files = files(values.remove(Fields.FILES), errors);
            return composeTest(channel, actor, values, binding, errors, confirmed, again, files);
        }
        List<ChatFile> files = files(values.remove(Fields.FILES), errors);
        DraftParser.Result parsed = parser.parse(values, base, binding, () -> lists.lists(binding.connectionId()));
        if (parsed.draft().isEmpty() || !errors.isEmpty()) {
            errors.addAll(0, parsed.errors());
            return new Reply.Errors(errors, again);
        }
        try {
            CampaignDraft draft = parsed.draft().get();
            List<Attachment> attachments = List.of();
            if (!files.isEmpty()) {
                // the policy is asked before anything is uploaded, with stand-ins for the files
                CampaignDraft standIns = AttachedMedia.withStandIns(draft, files.size());
                campaigns.checkDraft(home, standIns, campaignId);
                attachments = uploads.upload(binding.connectionId(), files);
                draft = new CampaignDraft(
                        AttachedMedia.uploaded(standIns.content(), attachments), draft.audience(), draft.sendAt());
            }
            CampaignService.Composed composed = existing.isPresent()
                    ? campaigns.edit(existing.get().id(), actor, draft, confirmed, attachments)
                    : campaigns.compose(channel, actor, draft, confirmed, attachments);
            return Reply.privately(confirmation(composed, existing.isPresent()));
        } catch (CampaignException.PolicyViolation violation) {
            return new Reply.Errors(violation.errors(), again);
        } catch (MediaUploadService.UploadFailed failed) {
            return new Reply.Errors(List.of(failed.error()), again);
        }
    }

    private Reply composeTest(
            ChannelRef channel,
            Actor actor,
            Map<String, FieldValue> values,
            Binding binding,
            List<FieldError> confirmErrors,
            boolean confirmed,
            FormSpec again,
            List<ChatFile> files) {
        AbTestParser.Result parsed = testParser.parse(values, binding, () -> lists.lists(binding.connectionId()));
        if (parsed.test().isEmpty() || !confirmErrors.isEmpty()) {
            return new Reply.Errors(concat(parsed.errors(), confirmErrors), again);
        }
        try {
            AbTestService.Composed composed =
                    tests.compose(channel, actor, parsed.test().get(), confirmed, files);
            return Reply.privately(testConfirmation(composed));
        } catch (CampaignException.PolicyViolation violation) {
            return new Reply.Errors(violation.errors(), again);
        } catch (MediaUploadService.UploadFailed failed) {
            return new Reply.Errors(List.of(failed.error()), again);
        }
    }

    /** {@code confirm=yes}: the requester sends a text that repeats one going out within minutes on purpose. */
    private static boolean confirmed(Map<String, FieldValue> values, List<FieldError> errors) {
        FieldValue value = values.get(Fields.CONFIRM);
        if (value == null) {
            return false;
        }
        if (value instanceof FieldValue.Flag flag) {
            return flag.value();
        }
        String typed = value.text().strip().toLowerCase(Locale.ROOT);
        return switch (typed) {
            case "yes", "true", "on", "1" -> true;
            case "no", "false", "off", "0", "" -> false;
            default -> {
                errors.add(new FieldError(
                        Fields.CONFIRM,
                        Excerpt.of(typed) + " is not yes or no: write confirm=yes to send"
                                + " a text that repeats a campaign going out within minutes."));
                yield false;
            }
        };
    }

    private static List<FieldError> concat(List<FieldError> one, List<FieldError> other) {
        List<FieldError> all = new ArrayList<>(one);
        all.addAll(other);
        return all;
    }

    private String testConfirmation(AbTestService.Composed composed) {
        AbTestParts test = composed.test();
        String lead = test.lead().humanId();
        String variants = test.variants().stream()
                .map(v -> v + " "
                        + String.join(
                                ", ",
                                test.of(v).stream()
                                        .map(m -> m.campaign().humanId())
                                        .toList()))
                .collect(Collectors.joining(" · "));
        String head = "A/B test " + lead + " (" + test.variants().size() + " variants, "
                + (test.test().split() == AbSplit.RANDOM
                        ? "random split of "
                                + Formats.count(test.test().poolSize().orElse(0L)) + " fans"
                        : "split by lists")
                + ": " + variants + ") is waiting for approval; one approval covers every variant. Its card goes to the"
                + " channel for the approvers; /masscast show " + lead + " shows it to you now.";
        return composed.notes().isEmpty() ? head : head + "\n" + String.join("\n", composed.notes());
    }

    /**
     * The files attached, their types made plain, or nothing. Files come attached by the chat platform (or read
     * from the terminal's computer by the terminal): text typed as {@code files} names nothing masscast may open.
     */
    private static List<ChatFile> files(FieldValue value, List<FieldError> errors) {
        if (value instanceof FieldValue.Files attached) {
            List<ChatFile> files =
                    attached.files().stream().map(MediaLimits::normalized).toList();
            errors.addAll(MediaLimits.problems(files));
            return files;
        }
        if (value != null && !value.text().isBlank()) {
            errors.add(new FieldError(
                    Fields.FILES,
                    "files takes files attached in the chat, not typed text: attach them in"
                            + " the form (Slack), as the file options of /masscast new (Discord), or in the terminal as"
                            + " files=PATH,PATH. Vault ids and links go under media."));
        }
        return List.of();
    }

    private String confirmation(CampaignService.Composed composed, boolean edited) {
        Campaign campaign = composed.campaign();
        // said before the outbox posts the card (and true even if posting fails and is retried)
        String head = campaign.humanId() + (edited ? " was edited and" : "")
                + " is waiting for approval. Its card goes to " + "the channel for the approvers; /masscast show "
                + campaign.humanId() + " shows it to you now.";
        return composed.notes().isEmpty() ? head : head + "\n" + String.join("\n", composed.notes());
    }

    /** The values that differ from what the form showed (as typed values, or as text a person typed). */
    private static Map<String, FieldValue> changed(
            Map<String, ? extends FieldValue> submitted, Map<String, FieldValue> shown, Binding binding) {
        Map<String, FieldValue> changed = new LinkedHashMap<>();
        submitted.forEach((key, value) -> {
            FieldValue before = shown.get(key);
            boolean same = before != null
                    && (before.equals(value)
                            || FormValues.typed(key, before, binding.zone())
                                    .equals(FormValues.typed(key, value, binding.zone())));
            if (!same) {
                changed.put(key, value);
            }
        });
        return changed;
    }

    /** A form to open, whose send time names the best hour coming up from the creator's history. */
    private FormSpec withBestTime(FormSpec form, Binding binding) {
        return form.withNote(Fields.AT, bestTimes.formHint(binding));
    }

    /** The new-campaign form: an empty draft's defaults, overlaid with what was given. */
    private FormSpec newForm(Binding binding, Map<String, ? extends FieldValue> given) {
        return new FormSpec(
                        Optional.empty(),
                        "New mass message for " + binding.creatorName(),
                        binding.creatorName(),
                        binding.zone(),
                        FormValues.of(DraftParser.empty(), binding.zone()))
                .with(given);
    }

    /** The form to edit a campaign: the campaign as it is, overlaid with what was given. */
    private FormSpec editForm(Campaign campaign, Binding binding, Map<String, ? extends FieldValue> given) {
        return new FormSpec(
                        Optional.of(campaign.id()),
                        "Edit " + campaign.humanId(),
                        binding.creatorName(),
                        binding.zone(),
                        FormValues.of(FormValues.draftOf(campaign), binding.zone()))
                .with(given);
    }
}
