package io.masscast.adapter.discord;

import io.masscast.adapter.common.FormChoices;
import io.masscast.core.command.ComposeForm;
import io.masscast.core.command.FieldValue;
import io.masscast.core.command.FormField;
import io.masscast.core.command.FormSpec;
import io.masscast.core.command.Formats;
import io.masscast.core.command.RawValue;
import io.masscast.core.model.FanList;
import io.masscast.core.policy.Fields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.components.ModalTopLevelComponent;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.components.textdisplay.TextDisplay;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;
import net.dv8tion.jda.api.modals.Modal;

/**
 * The compose modal, laid out from the core's {@link ComposeForm}. Discord allows five components, so it shows the
 * five fields a mass message is about — the text, the lists to send to and to leave out (menus with the lists'
 * sizes), the price and the send time (typed in the creator's zone, which the label names) — and every other field
 * (media, preview count, fan ids, subscribed after, locked text, markdown) comes from the options of
 * {@code /masscast new} or the campaign being edited, carried through {@link PendingForms}. A creator with more lists
 * than a menu holds names them as options ({@code lists:}, {@code exclude:}, with autocomplete), and a text longer
 * than a modal holds is kept as it is and changed by command: the modal then says so instead.
 */
final class DiscordComposeModal {
    static final String PREFIX = "compose:";
    static final String LISTS_NOTE = "lists_note";
    static final String TEXT_NOTE = "text_note";
    static final int TEXT_MAX = TextInput.MAX_VALUE_LENGTH;
    /** What a modal's text display holds (Discord's limit; JDA 6.1 names no constant for it). */
    static final int TEXT_DISPLAY_MAX = 4000;

    static final int MENU_MAX = StringSelectMenu.OPTIONS_MAX_AMOUNT;
    static final int TITLE_MAX = Modal.MAX_TITLE_LENGTH;
    static final int LABEL_MAX = Label.LABEL_MAX_LENGTH;
    static final int DESCRIPTION_MAX = Label.DESCRIPTION_MAX_LENGTH;
    /** The fields the modal can show; the others are carried. */
    static final List<String> SHOWN = List.of(Fields.TEXT, Fields.LISTS, Fields.EXCLUDE, Fields.PRICE, Fields.AT);

    Modal render(String key, FormSpec spec, FormChoices choices) {
        List<ModalTopLevelComponent> components = new ArrayList<>();
        components.add(text(spec));
        Optional<List<FanList>> menus = choices.lists()
                .filter(known -> known.size() <= MENU_MAX
                        && listsKnown(spec, Fields.LISTS, known)
                        && listsKnown(spec, Fields.EXCLUDE, known));
        if (menus.isPresent()) {
            components.add(listMenu(ComposeForm.field(Fields.LISTS), spec, menus.get()));
            components.add(listMenu(ComposeForm.field(Fields.EXCLUDE), spec, menus.get()));
        } else {
            components.add(TextDisplay.of(DiscordText.fit(listsNote(spec, choices), TEXT_DISPLAY_MAX)));
        }
        components.add(shortInput(
                ComposeForm.field(Fields.PRICE),
                ComposeForm.field(Fields.PRICE).label(),
                ComposeForm.field(Fields.PRICE).hint(),
                spec));
        FormField at = ComposeForm.field(Fields.AT);
        // a label's description holds 100 characters: the best hour from history when there is one, else how to type it
        components.add(shortInput(
                at,
                at.label() + " (" + spec.zone().getId() + ")",
                spec.note(Fields.AT)
                        .map(note -> note + " Empty: on approval.")
                        .orElse("Empty: as soon as it is approved. Like " + at.typing() + "."),
                spec));
        String title = spec.isEdit() ? spec.title() : "New mass message";
        return Modal.create(PREFIX + key, DiscordText.fit(title, TITLE_MAX))
                .addComponents(components)
                .build();
    }

    /**
     * The submitted modal as the core's form values: the form's other values (carried options, or the campaign as
     * it is) with what the modal shows as it was typed on top.
     */
    static Map<String, FieldValue> read(List<ModalMapping> submitted, FormSpec spec) {
        Map<String, FieldValue> values = new LinkedHashMap<>(spec.values());
        for (ModalMapping field : submitted) {
            switch (field.getCustomId()) {
                case Fields.LISTS, Fields.EXCLUDE ->
                    values.put(field.getCustomId(), new RawValue(field.getAsStringList()));
                case Fields.TEXT, Fields.PRICE, Fields.AT ->
                    values.put(field.getCustomId(), RawValue.of(field.getAsString()));
                default -> {
                    // not one of ours: a modal only shows the fields above
                }
            }
        }
        return values;
    }

    private static ModalTopLevelComponent text(FormSpec spec) {
        FormField field = ComposeForm.field(Fields.TEXT);
        String text = spec.value(Fields.TEXT).map(FieldValue::text).orElse("");
        if (text.length() > TEXT_MAX) {
            String how = spec.isEdit()
                    ? "/masscast edit campaign:" + spec.title().replaceFirst("^Edit ", "") + " text:…"
                    : "/masscast new text:…";
            return TextDisplay.of("**" + field.label() + "**: the text is " + Formats.count(text.length())
                    + " characters, more than this form holds (" + Formats.count(TEXT_MAX)
                    + "), so it stays exactly as it is. "
                    + "To change it, use `" + how + "`.");
        }
        TextInput.Builder input = TextInput.create(Fields.TEXT, TextInputStyle.PARAGRAPH)
                .setRequired(false)
                .setMaxLength(TEXT_MAX);
        if (!text.isEmpty()) {
            input.setValue(text);
        }
        return Label.of(
                DiscordText.fit(field.label(), LABEL_MAX),
                DiscordText.fit(field.hint(), DESCRIPTION_MAX),
                input.build());
    }

    private static ModalTopLevelComponent listMenu(FormField field, FormSpec spec, List<FanList> lists) {
        List<String> chosen = ids(spec, field.key(), lists);
        StringSelectMenu.Builder menu = StringSelectMenu.create(field.key())
                .setRequired(false)
                .setRequiredRange(0, Math.max(1, lists.size()))
                .setPlaceholder(field.key().equals(Fields.EXCLUDE) ? "No list left out" : "Choose lists");
        for (FanList list : lists) {
            SelectOption option = SelectOption.of(
                            DiscordText.fit(list.name(), SelectOption.LABEL_MAX_LENGTH), list.id())
                    .withDefault(chosen.contains(list.id()));
            menu.addOptions(list.usersCount()
                    .map(n -> option.withDescription(Formats.count(n) + " fans"))
                    .orElse(option));
        }
        return Label.of(
                DiscordText.fit(field.label(), LABEL_MAX),
                DiscordText.fit(field.hint(), DESCRIPTION_MAX),
                menu.build());
    }

    private static ModalTopLevelComponent shortInput(FormField field, String label, String description, FormSpec spec) {
        TextInput.Builder input = TextInput.create(field.key(), TextInputStyle.SHORT)
                .setRequired(false)
                .setMaxLength(field.maxLength())
                .setPlaceholder(DiscordText.fit(field.typing(), TextInput.MAX_PLACEHOLDER_LENGTH));
        String typed = spec.typed(field.key());
        if (!typed.isEmpty()) {
            input.setValue(DiscordText.fit(typed, field.maxLength()));
        }
        return Label.of(
                DiscordText.fit(label, LABEL_MAX), DiscordText.fit(description, DESCRIPTION_MAX), input.build());
    }

    private static String listsNote(FormSpec spec, FormChoices choices) {
        String given = "Lists: " + orNone(items(spec, Fields.LISTS)) + " · leaving out: "
                + orNone(items(spec, Fields.EXCLUDE)) + ".";
        String why = choices.lists()
                .map(known -> known.size() > MENU_MAX
                        ? "This creator has " + known.size() + " lists, more than a form can offer: "
                        : "Some of these lists are not among the creator's lists now: ")
                .orElse("The creator's lists could not be loaded just now: ");
        return "**Audience**\n" + why
                + "name them as options, `/masscast new lists:… exclude:…` (they complete as you type).\n"
                + DiscordText.markdown(given);
    }

    /** Whether every list the form names is one of {@code known} (by id or name), so a menu can show it. */
    private static boolean listsKnown(FormSpec spec, String key, List<FanList> known) {
        return items(spec, key).stream()
                .allMatch(item -> known.stream()
                        .anyMatch(l -> l.id().equals(item) || l.name().equalsIgnoreCase(item)));
    }

    private static List<String> ids(FormSpec spec, String key, List<FanList> known) {
        return items(spec, key).stream()
                .flatMap(item -> known.stream()
                        .filter(l -> l.id().equals(item) || l.name().equalsIgnoreCase(item))
                        .map(FanList::id)
                        .findFirst()
                        .stream())
                .toList();
    }

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

    private static String orNone(List<String> items) {
        return items.isEmpty() ? "none" : String.join(", ", items);
    }
}
