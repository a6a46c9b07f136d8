package io.masscast.adapter.slack;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.DatePickerElement;
import com.slack.api.model.block.element.DatetimePickerElement;
import com.slack.api.model.block.element.FileInputElement;
import com.slack.api.model.block.element.MultiExternalSelectElement;
import com.slack.api.model.block.element.MultiStaticSelectElement;
import com.slack.api.model.block.element.NumberInputElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import io.masscast.adapter.common.FormChoices;
import io.masscast.core.command.ComposeForm;
import io.masscast.core.command.FieldValue;
import io.masscast.core.command.FormField;
import io.masscast.core.command.FormSpec;
import io.masscast.core.command.Formats;
import io.masscast.core.command.RawValue;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.FanList;
import io.masscast.core.model.Platform;
import io.masscast.core.model.VaultMedia;
import io.masscast.core.policy.Fields;
import io.masscast.core.policy.MediaLimits;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The compose modal. Each field of the core's form is one input block whose {@code block_id} (and
 * {@code action_id}) is the form key of {@link Fields}, so the core's field errors land on the right input.
 * Media has a second block to pick recent vault items; {@link ComposeValues} merges both into {@code media}.
 */
final class ComposeModal {
    static final String CALLBACK_ID = "masscast_compose";
    static final String MEDIA_VAULT = "media_vault";
    static final String YES = "yes";
    /** What the file input lets people pick (Slack checks it only for convenience; masscast checks again). */
    static final List<String> FILE_TYPES =
            List.of("jpg", "jpeg", "png", "gif", "mp4", "m4v", "mov", "mp3", "m4a", "wav");
    /** Where the text is when it is too long for the form's text input (a section, not an input). */
    static final String TEXT_KEPT = "text_kept";

    /** Slack's limits: view title, static select options, option text, plain text input. */
    private static final int TITLE_MAX = 24;

    private static final int STATIC_OPTIONS_MAX = 100;
    private static final int OPTION_TEXT_MAX = 75;
    private static final int TEXT_INPUT_MAX = 3000;

    /** What the modal remembers until it is submitted. */
    record Context(ChannelRef channel, Optional<Long> campaignId) {
        String encode() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("team", channel.workspaceId());
            values.put("channel", channel.channelId());
            campaignId.ifPresent(id -> values.put("campaign", Long.toString(id)));
            return PrivateMetadata.encode(values);
        }

        static Context decode(String metadata) {
            Map<String, String> values = PrivateMetadata.decode(metadata);
            try {
                return new Context(
                        new ChannelRef(Platform.SLACK, values.get("team"), values.get("channel")),
                        Optional.ofNullable(values.get("campaign")).map(Long::parseLong));
            } catch (IllegalArgumentException e) {
                throw new MalformedPayload("unreadable compose metadata");
            }
        }
    }

    View render(FormSpec spec, ChannelRef channel, FormChoices choices) {
        String zone = spec.zone().getId();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.blockId("intro")
                .text(markdownText("*" + SlackText.mrkdwn(spec.title()) + "*\n" + SlackText.mrkdwn(spec.creatorName())
                        + "'s time zone: " + zone))));
        for (FormField field : ComposeForm.FIELDS) {
            if (spec.isEdit() && field.group() == FormField.Group.AB_TEST) {
                continue; // an edit changes one message; a test is composed with /masscast new
            }
            switch (field.kind()) {
                case TEXT -> blocks.add(textField(field, spec));
                case LISTS ->
                    blocks.add(field(field, field.hint(), listSelect(field, items(spec, field.key()), choices)));
                case FAN_IDS ->
                    blocks.add(field(
                            field,
                            field.hint() + " Separate them with commas.",
                            PlainTextInputElement.builder()
                                    .actionId(field.key())
                                    .placeholder(plainText("e.g. 123456, 234567"))
                                    .initialValue(nonEmpty(String.join(", ", items(spec, field.key()))))
                                    .build()));
                case DAY ->
                    blocks.add(field(
                            field,
                            "A day in " + zone + ".",
                            DatePickerElement.builder()
                                    .actionId(field.key())
                                    .initialDate(spec.value(field.key())
                                            .filter(FieldValue.Day.class::isInstance)
                                            .map(day -> ((FieldValue.Day) day)
                                                    .value()
                                                    .toString())
                                            .orElse(null))
                                    .build()));
                case MEDIA -> {
                    if (field.key().equals(Fields.MEDIA)) {
                        mediaFields(field, spec, choices, blocks);
                    } else { // a variant's media: typed, as the vault picker is variant A's
                        blocks.add(field(
                                field,
                                field.hint() + " Separate them with commas.",
                                PlainTextInputElement.builder()
                                        .actionId(field.key())
                                        .initialValue(nonEmpty(String.join(", ", items(spec, field.key()))))
                                        .build()));
                    }
                }
                case CHOICE -> blocks.add(field(field, field.hint(), choice(field, spec)));
                case FILES ->
                    blocks.add(field(
                            field,
                            field.hint(),
                            FileInputElement.builder()
                                    .actionId(field.key())
                                    .filetypes(FILE_TYPES)
                                    .maxFiles(MediaLimits.MAX_FILES)
                                    .build()));
                case COUNT ->
                    blocks.add(field(
                            field,
                            field.hint(),
                            NumberInputElement.builder()
                                    .actionId(field.key())
                                    .decimalAllowed(false)
                                    .minValue("0")
                                    .initialValue(number(spec, field.key()))
                                    .build()));
                case MONEY ->
                    blocks.add(field(
                            field,
                            field.hint(),
                            NumberInputElement.builder()
                                    .actionId(field.key())
                                    .decimalAllowed(true)
                                    .minValue("0")
                                    .initialValue(number(spec, field.key()))
                                    .build()));
                case FLAG -> blocks.add(checkbox(field, spec));
                case SEND_TIME ->
                    blocks.add(field(
                            field,
                            spec.hint(field) + " Pick the time as your own Slack clock shows it; "
                                    + "masscast converts it to " + spec.creatorName() + "'s time (" + zone
                                    + ") and the card shows both.",
                            DatetimePickerElement.builder()
                                    .actionId(field.key())
                                    .initialDateTime(spec.value(field.key())
                                            .filter(FieldValue.Moment.class::isInstance)
                                            .map(at -> Math.toIntExact(((FieldValue.Moment) at)
                                                    .value()
                                                    .getEpochSecond()))
                                            .orElse(null))
                                    .build()));
            }
        }
        return view(v -> v.type("modal")
                .callbackId(CALLBACK_ID)
                .title(viewTitle(t -> t.type("plain_text")
                        .text(SlackText.fit(spec.isEdit() ? spec.title() : "New mass message", TITLE_MAX))))
                .submit(viewSubmit(s -> s.type("plain_text").text("Submit for approval")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .privateMetadata(new Context(channel, spec.campaignId()).encode())
                .blocks(blocks));
    }

    /**
     * The message text. Slack's text input holds at most 3,000 characters: a longer text (composed by command) is
     * not cut to fit, it is left out of the form and kept as it is, and the form says how to change it.
     */
    private static LayoutBlock textField(FormField field, FormSpec spec) {
        String text = spec.value(field.key()).map(FieldValue::text).orElse("");
        if (text.length() > TEXT_INPUT_MAX) {
            String how = spec.campaignId()
                    .map(id -> "/masscast edit " + spec.title().replaceFirst("^Edit ", "") + " text=\"...\"")
                    .orElse("/masscast new text=\"...\"");
            return section(s -> s.blockId(TEXT_KEPT)
                    .text(markdownText("*" + SlackText.mrkdwn(field.label()) + "*\n"
                            + "The text is " + Formats.count(text.length()) + " characters, more than this form holds ("
                            + Formats.count(TEXT_INPUT_MAX) + "), so it stays exactly as it is. To change it, use `"
                            + SlackText.mrkdwn(how) + "`.")));
        }
        return field(
                field,
                field.hint(),
                PlainTextInputElement.builder()
                        .actionId(field.key())
                        .multiline(true)
                        .maxLength(TEXT_INPUT_MAX)
                        .initialValue(nonEmpty(text))
                        .build());
    }

    /** A choice as a menu; its empty choice (what an untouched form gives) is no option, the field is optional. */
    private static BlockElement choice(FormField field, FormSpec spec) {
        List<OptionObject> options = field.choices().stream()
                .filter(c -> !c.value().isEmpty())
                .map(c -> option(plainText(SlackText.fit(c.label(), OPTION_TEXT_MAX)), c.value()))
                .toList();
        String current =
                spec.value(field.key()).map(FieldValue::text).map(String::strip).orElse("");
        return StaticSelectElement.builder()
                .actionId(field.key())
                .placeholder(plainText(field.choices().get(0).label()))
                .options(options)
                .initialOption(options.stream()
                        .filter(o -> o.getValue().equals(current))
                        .findFirst()
                        .orElse(null))
                .build();
    }

    /** Vault media to pick (when the vault answered in time) and a field for other media ids and links. */
    private static void mediaFields(FormField field, FormSpec spec, FormChoices choices, List<LayoutBlock> blocks) {
        List<String> media = items(spec, field.key());
        List<OptionObject> vault = choices.media().stream()
                .map(ComposeModal::vaultOption)
                .limit(STATIC_OPTIONS_MAX)
                .toList();
        Set<String> picked = vault.stream()
                .map(OptionObject::getValue)
                .filter(media::contains)
                .collect(Collectors.toSet());
        if (!vault.isEmpty()) {
            blocks.add(input(i -> i.blockId(MEDIA_VAULT)
                    .label(plainText("Media from the vault"))
                    .hint(plainText("The newest items in " + SlackText.fit(spec.creatorName(), 50) + "'s vault."))
                    .optional(true)
                    .element(MultiStaticSelectElement.builder()
                            .actionId(MEDIA_VAULT)
                            .placeholder(plainText("Pick vault media"))
                            .options(vault)
                            .initialOptions(nonEmpty(vault.stream()
                                    .filter(o -> picked.contains(o.getValue()))
                                    .toList()))
                            .build())));
        }
        blocks.add(field(
                field.key(),
                vault.isEmpty() ? field.label() : "Other " + field.label().toLowerCase(Locale.ROOT),
                field.hint() + " Separate them with commas.",
                PlainTextInputElement.builder()
                        .actionId(field.key())
                        .initialValue(nonEmpty(String.join(
                                ", ",
                                media.stream().filter(m -> !picked.contains(m)).toList())))
                        .build()));
    }

    /** The option a fan list is shown as (also used for search results). */
    static OptionObject listOption(FanList list) {
        String size = list.usersCount().map(n -> " (" + Formats.count(n) + ")").orElse("");
        return option(plainText(SlackText.fit(list.name(), OPTION_TEXT_MAX - size.length()) + size), list.id());
    }

    private static LayoutBlock field(FormField field, String hint, BlockElement element) {
        return field(field.key(), field.label(), hint, element);
    }

    private static LayoutBlock field(String blockId, String label, String hint, BlockElement element) {
        return input(i -> i.blockId(blockId)
                .label(plainText(label))
                .hint(plainText(hint))
                .optional(true)
                .element(element));
    }

    private static LayoutBlock checkbox(FormField field, FormSpec spec) {
        OptionObject option = OptionObject.builder()
                .text(plainText(field.label()))
                .description(plainText(field.hint()))
                .value(YES)
                .build();
        boolean checked = spec.value(field.key())
                .map(v -> v instanceof FieldValue.Flag flag
                        ? flag.value()
                        : YES.equalsIgnoreCase(v.text().strip()))
                .orElse(false);
        return input(i -> i.blockId(field.key())
                .label(plainText(field.label()))
                .optional(true)
                .element(CheckboxesElement.builder()
                        .actionId(field.key())
                        .options(List.of(option))
                        .initialOptions(checked ? List.of(option) : null)
                        .build()));
    }

    /**
     * Lists to pick: all of them when they arrived in time and fit a static menu, else a search over OFAuth's lists
     * as the user types. Prefilled items are list ids or names, as the core writes them.
     */
    private static BlockElement listSelect(FormField field, List<String> prefill, FormChoices choices) {
        String key = field.key();
        String placeholder = key.equals(Fields.EXCLUDE) ? "Choose lists to leave out" : "Choose lists";
        List<FanList> known = choices.lists().orElse(List.of());
        List<OptionObject> initial = new ArrayList<>();
        boolean allKnown = true;
        for (String item : prefill) {
            Optional<FanList> list = known.stream()
                    .filter(l -> l.id().equals(item))
                    .findFirst()
                    .or(() -> known.stream()
                            .filter(l -> l.name().equalsIgnoreCase(item))
                            .findFirst());
            allKnown &= list.isPresent();
            OptionObject chosen = list.map(ComposeModal::listOption)
                    .orElseGet(() -> option(plainText(SlackText.fit(item, OPTION_TEXT_MAX)), item));
            if (!initial.contains(chosen)) {
                initial.add(chosen);
            }
        }
        if (allKnown && !known.isEmpty() && known.size() <= STATIC_OPTIONS_MAX) {
            return MultiStaticSelectElement.builder()
                    .actionId(key)
                    .placeholder(plainText(placeholder))
                    .options(known.stream().map(ComposeModal::listOption).toList())
                    .initialOptions(nonEmpty(initial))
                    .build();
        }
        return MultiExternalSelectElement.builder()
                .actionId(key)
                .placeholder(plainText(placeholder))
                .minQueryLength(0)
                .initialOptions(nonEmpty(initial))
                .build();
    }

    private static OptionObject vaultOption(VaultMedia media) {
        String type = media.type().isBlank() ? "media" : media.type();
        String added = media.createdAt()
                .map(at -> " · " + at.toString().substring(0, 10))
                .orElse("");
        return option(
                plainText(SlackText.fit("#" + media.id() + " · " + type + added, OPTION_TEXT_MAX)),
                Long.toString(media.id()));
    }

    /** The items of a prefilled value: a list's ids or names, media, fan ids; as they are, never re-read from text. */
    private static List<String> items(FormSpec spec, String key) {
        return spec
                .value(key)
                .map(value -> value instanceof RawValue raw ? raw.items() : List.of(value.text()))
                .orElse(List.of())
                .stream()
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    /** A number input only takes a number as its initial value. */
    private static String number(FormSpec spec, String key) {
        return spec.value(key)
                .map(FieldValue::text)
                .map(String::strip)
                .filter(value -> value.matches("[0-9]+(\\.[0-9]+)?"))
                .orElse(null);
    }

    private static String nonEmpty(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> List<T> nonEmpty(List<T> values) {
        return values.isEmpty() ? null : values;
    }
}
