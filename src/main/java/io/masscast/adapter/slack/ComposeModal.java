package io.masscast.adapter.slack;

import io.masscast.adapter.common.FormChoices;
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
import com.slack.api.model.block.element.MultiExternalSelectElement;
import com.slack.api.model.block.element.MultiStaticSelectElement;
import com.slack.api.model.block.element.NumberInputElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.view.View;
import io.masscast.core.command.DraftParser;
import io.masscast.core.command.FormSpec;
import io.masscast.core.command.FormValues;
import io.masscast.core.command.Formats;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.FanList;
import io.masscast.core.model.Platform;
import io.masscast.core.model.VaultMedia;
import io.masscast.core.policy.Fields;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
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

    /** Slack's limits: view title, static select options, option text, plain text input. */
    private static final int TITLE_MAX = 24;
    private static final int STATIC_OPTIONS_MAX = 100;
    private static final int OPTION_TEXT_MAX = 75;
    private static final int TEXT_INPUT_MAX = 3000;

    /** What the modal remembers until it is submitted. */
    record Context(ChannelRef channel, Optional<Long> campaignId, ZoneId zone) {
        String encode() {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("team", channel.workspaceId());
            values.put("channel", channel.channelId());
            values.put("zone", zone.getId());
            campaignId.ifPresent(id -> values.put("campaign", Long.toString(id)));
            return PrivateMetadata.encode(values);
        }

        static Context decode(String metadata) {
            Map<String, String> values = PrivateMetadata.decode(metadata);
            try {
                return new Context(new ChannelRef(Platform.SLACK, values.get("team"), values.get("channel")),
                        Optional.ofNullable(values.get("campaign")).map(Long::parseLong),
                        ZoneId.of(MalformedPayload.require(values.get("zone"), "zone")));
            } catch (IllegalArgumentException | DateTimeException e) {
                throw new MalformedPayload("unreadable compose metadata");
            }
        }
    }

    View render(FormSpec spec, ChannelRef channel, FormChoices choices) {
        Map<String, String> values = prefill(spec);
        String zone = spec.zone().getId();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.blockId("intro").text(markdownText("*" + SlackText.mrkdwn(spec.title()) + "*\n"
                + SlackText.mrkdwn(spec.creatorName()) + "'s time zone: " + zone))));
        blocks.add(field(Fields.TEXT, "Message", "What fans read. Leave empty only if the message is media alone.",
                PlainTextInputElement.builder().actionId(Fields.TEXT).multiline(true)
                        .initialValue(nonEmpty(SlackText.fit(values.getOrDefault(Fields.TEXT, ""), TEXT_INPUT_MAX)))
                        .build()));
        blocks.add(field(Fields.LISTS, "Send to lists", "Fans on these lists receive it.",
                listSelect(Fields.LISTS, "Choose lists", items(values.get(Fields.LISTS)), choices)));
        blocks.add(field(Fields.EXCLUDE, "Leave out lists", "Fans on these lists don't, even if they are on a list above.",
                listSelect(Fields.EXCLUDE, "Choose lists to leave out", items(values.get(Fields.EXCLUDE)), choices)));
        blocks.add(field(Fields.USERS, "Specific fans", "OnlyFans fan ids, separated by commas.",
                PlainTextInputElement.builder().actionId(Fields.USERS).placeholder(plainText("e.g. 123456, 234567"))
                        .initialValue(nonEmpty(values.get(Fields.USERS))).build()));
        blocks.add(field(Fields.SUBSCRIBED_AFTER, "Only fans subscribed after", "A day in " + zone + ".",
                DatePickerElement.builder().actionId(Fields.SUBSCRIBED_AFTER)
                        .initialDate(date(values.get(Fields.SUBSCRIBED_AFTER)).map(LocalDate::toString).orElse(null))
                        .build()));
        List<String> media = items(values.get(Fields.MEDIA));
        List<OptionObject> vault = choices.media().stream().map(ComposeModal::vaultOption)
                .limit(STATIC_OPTIONS_MAX).toList();
        Set<String> picked = vault.stream().map(OptionObject::getValue).filter(media::contains).collect(Collectors.toSet());
        if (!vault.isEmpty()) {
            blocks.add(field(MEDIA_VAULT, "Media from the vault", "The newest items in " + SlackText.fit(spec.creatorName(), 50)
                    + "'s vault.", MultiStaticSelectElement.builder().actionId(MEDIA_VAULT)
                    .placeholder(plainText("Pick vault media")).options(vault)
                    .initialOptions(nonEmpty(vault.stream().filter(o -> picked.contains(o.getValue())).toList())).build()));
        }
        blocks.add(field(Fields.MEDIA, vault.isEmpty() ? "Media" : "Other media",
                "Vault media ids, upload:… references or https:// links, separated by commas.",
                PlainTextInputElement.builder().actionId(Fields.MEDIA).initialValue(nonEmpty(String.join(", ",
                        media.stream().filter(m -> !picked.contains(m)).toList()))).build()));
        blocks.add(field(Fields.PREVIEW, "Free preview items", "How many of the first media items fans see before paying.",
                NumberInputElement.builder().actionId(Fields.PREVIEW).decimalAllowed(false).minValue("0")
                        .initialValue(number(values.get(Fields.PREVIEW))).build()));
        blocks.add(field(Fields.PRICE, "PPV price (USD)", "0 sends it free.",
                NumberInputElement.builder().actionId(Fields.PRICE).decimalAllowed(true).minValue("0")
                        .initialValue(number(values.get(Fields.PRICE))).build()));
        blocks.add(checkbox(Fields.LOCKED, "Lock the text too", "Fans read the text only after buying.", values));
        blocks.add(checkbox(Fields.MARKDOWN, "Format the text", "Read *bold* and _italics_ in the text as markdown.", values));
        blocks.add(field(Fields.AT, "Send at (empty: as soon as it is approved)",
                "Pick the time as your own Slack clock shows it; masscast converts it to " + spec.creatorName() + "'s time ("
                        + zone + ") and the card shows both.",
                DatetimePickerElement.builder().actionId(Fields.AT)
                        .initialDateTime(sendTime(values.get(Fields.AT), spec.zone()).orElse(null)).build()));
        return view(v -> v.type("modal").callbackId(CALLBACK_ID)
                .title(viewTitle(t -> t.type("plain_text").text(SlackText.fit(spec.isEdit() ? spec.title() : "New mass message", TITLE_MAX))))
                .submit(viewSubmit(s -> s.type("plain_text").text("Submit for approval")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .privateMetadata(new Context(channel, spec.campaignId(), spec.zone()).encode())
                .blocks(blocks));
    }

    /** The option a fan list is shown as (also used for search results). */
    static OptionObject listOption(FanList list) {
        String size = list.usersCount().map(n -> " (" + Formats.count(n) + ")").orElse("");
        return option(plainText(SlackText.fit(list.name(), OPTION_TEXT_MAX - size.length()) + size), list.id());
    }

    /** The core's defaults for a new campaign, overlaid with what the spec brings. */
    private static Map<String, String> prefill(FormSpec spec) {
        Map<String, String> values = new HashMap<>(FormValues.of(DraftParser.empty(), spec.zone()));
        values.putAll(spec.values());
        return values;
    }

    private static LayoutBlock field(String blockId, String label, String hint, BlockElement element) {
        return input(i -> i.blockId(blockId).label(plainText(label)).hint(plainText(hint)).optional(true).element(element));
    }

    private static LayoutBlock checkbox(String key, String label, String description, Map<String, String> values) {
        OptionObject option = OptionObject.builder().text(plainText(label)).description(plainText(description)).value(YES).build();
        boolean checked = YES.equalsIgnoreCase(values.getOrDefault(key, "").strip());
        return input(i -> i.blockId(key).label(plainText(label)).optional(true).element(CheckboxesElement.builder()
                .actionId(key).options(List.of(option)).initialOptions(checked ? List.of(option) : null).build()));
    }

    /**
     * Lists to pick: all of them when they arrived in time and fit a static menu, else a search over OFAuth's lists
     * as the user types. Prefilled items are list ids or names, as the core writes them.
     */
    private static BlockElement listSelect(String key, String placeholder, List<String> prefill, FormChoices choices) {
        List<FanList> known = choices.lists().orElse(List.of());
        List<OptionObject> initial = new ArrayList<>();
        boolean allKnown = true;
        for (String item : prefill) {
            Optional<FanList> list = known.stream().filter(l -> l.id().equals(item)).findFirst()
                    .or(() -> known.stream().filter(l -> l.name().equalsIgnoreCase(item)).findFirst());
            allKnown &= list.isPresent();
            OptionObject chosen = list.map(ComposeModal::listOption)
                    .orElseGet(() -> option(plainText(SlackText.fit(item, OPTION_TEXT_MAX)), item));
            if (!initial.contains(chosen)) {
                initial.add(chosen);
            }
        }
        if (allKnown && !known.isEmpty() && known.size() <= STATIC_OPTIONS_MAX) {
            return MultiStaticSelectElement.builder().actionId(key).placeholder(plainText(placeholder))
                    .options(known.stream().map(ComposeModal::listOption).toList()).initialOptions(nonEmpty(initial)).build();
        }
        return MultiExternalSelectElement.builder().actionId(key).placeholder(plainText(placeholder)).minQueryLength(0)
                .initialOptions(nonEmpty(initial)).build();
    }

    private static OptionObject vaultOption(VaultMedia media) {
        String type = media.type().isBlank() ? "media" : media.type();
        String added = media.createdAt().map(at -> " · " + at.toString().substring(0, 10)).orElse("");
        return option(plainText(SlackText.fit("#" + media.id() + " · " + type + added, OPTION_TEXT_MAX)),
                Long.toString(media.id()));
    }

    /** Items of a prefilled value: {@code a, "b c"} is two items. */
    private static List<String> items(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        return Arrays.stream(value.split(","))
                .map(String::strip)
                .map(item -> item.length() > 1 && item.startsWith("\"") && item.endsWith("\"")
                        ? item.substring(1, item.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\") : item)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    private static Optional<LocalDate> date(String value) {
        try {
            return value == null || value.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(value.strip()));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The send time as the Unix seconds the date-time picker wants; the core writes it in the creator's zone. */
    private static Optional<Integer> sendTime(String value, ZoneId zone) {
        try {
            return value == null || value.isBlank() ? Optional.empty()
                    : Optional.of(Math.toIntExact(LocalDateTime.parse(value.strip().replace(' ', 'T')).atZone(zone).toEpochSecond()));
        } catch (DateTimeException | ArithmeticException e) {
            return Optional.empty();
        }
    }

    /** A number input only takes a number as its initial value. */
    private static String number(String value) {
        try {
            return value == null || value.isBlank() ? null : new BigDecimal(value.strip()).toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String nonEmpty(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static <T> List<T> nonEmpty(List<T> values) {
        return values.isEmpty() ? null : values;
    }
}
