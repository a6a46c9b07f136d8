package io.masscast.adapter.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import io.masscast.core.command.Card;
import io.masscast.core.command.CardAction;
import io.masscast.core.text.Markup;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A core {@link Card} as Block Kit: a header with the title, the fields (short ones side by side, long ones on
 * their own line, in the core's order), the message text as a quote, the context line, and one button per
 * action. A button's {@code action_id} and {@code value} both carry {@code ActionId.encode()}.
 */
final class CardRenderer {
    static final String ACTIONS_BLOCK = "card_actions";

    /** Slack's limits: header text, section text, field text, button text, confirm title/text/buttons. */
    private static final int HEADER_MAX = 150;

    private static final int SECTION_MAX = 3000;
    private static final int FIELD_MAX = 2000;
    private static final int FIELDS_PER_SECTION = 10;
    private static final int BUTTON_MAX = 75;
    private static final int CONFIRM_TITLE_MAX = 100;
    private static final int CONFIRM_TEXT_MAX = 300;
    private static final int CONFIRM_BUTTON_MAX = 30;
    /** A field longer than this reads better on its own line than in a two-column grid. */
    private static final int SHORT_FIELD = 60;

    SlackMessage render(Card card, boolean isPrivate) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(
                plainText(SlackText.fit(toneMark(card.tone()) + Markup.plain(card.title()), HEADER_MAX), true))));
        addFields(card.fields(), blocks);
        if (!card.text().isBlank()) {
            blocks.add(section(s ->
                    s.blockId("card_text").text(markdownText(SlackText.fit(quote(card.text()), SECTION_MAX)))));
        }
        if (!card.context().isBlank()) {
            blocks.add(context(List.of(markdownText(SlackText.fit(SlackText.mrkdwn(card.context()), FIELD_MAX)))));
        }
        if (!card.actions().isEmpty()) {
            List<BlockElement> buttons = new ArrayList<>();
            card.actions().forEach(action -> buttons.add(button(action)));
            blocks.add(actions(ACTIONS_BLOCK, buttons));
        }
        return new SlackMessage(SlackText.mrkdwn(card.title()), blocks, isPrivate);
    }

    /**
     * The confirmation a decision asks for after its button was pressed (an approval of a campaign that repeats a
     * recent one): what it restates, and the button that does it. The message is the confirmation, so the button
     * asks no more.
     */
    SlackMessage confirmation(CardAction action) {
        CardAction.Confirm confirm = action.confirm().orElseThrow();
        String text = "*" + SlackText.mrkdwn(confirm.title()) + "*\n" + SlackText.mrkdwn(confirm.text());
        CardAction button =
                new CardAction(confirm.confirmLabel(), action.id(), action.style(), Optional.empty(), action.target());
        List<LayoutBlock> blocks = List.of(
                section(s -> s.text(markdownText(SlackText.fit(text, SECTION_MAX)))),
                actions(ACTIONS_BLOCK, List.of(button(button))));
        return new SlackMessage(SlackText.mrkdwn(confirm.title()), blocks, true);
    }

    private static void addFields(List<Card.Field> fields, List<LayoutBlock> blocks) {
        List<TextObject> row = new ArrayList<>();
        for (Card.Field field : fields) {
            String text = SlackText.fit(
                    "*" + SlackText.mrkdwn(field.label()) + "*\n" + SlackText.mrkdwn(field.value()), FIELD_MAX);
            if (field.value().length() <= SHORT_FIELD) {
                row.add(markdownText(text));
                if (row.size() == FIELDS_PER_SECTION) {
                    flush(row, blocks);
                }
            } else {
                flush(row, blocks);
                blocks.add(section(s -> s.text(markdownText(text))));
            }
        }
        flush(row, blocks);
    }

    private static void flush(List<TextObject> row, List<LayoutBlock> blocks) {
        if (!row.isEmpty()) {
            List<TextObject> fields = List.copyOf(row);
            blocks.add(section(s -> s.fields(fields)));
            row.clear();
        }
    }

    /** The message as fans will read it, set off as a quote. */
    private static String quote(String text) {
        return String.join(
                "\n", text.lines().map(line -> "> " + SlackText.mrkdwn(line)).toList());
    }

    private static ButtonElement button(CardAction action) {
        String encoded = action.id().encode();
        ButtonElement.ButtonElementBuilder button = ButtonElement.builder()
                .text(plainText(SlackText.fit(action.label(), BUTTON_MAX), true))
                .actionId(encoded)
                .value(encoded);
        switch (action.style()) {
            case PRIMARY -> button.style("primary");
            case DANGER -> button.style("danger");
            case DEFAULT -> {
                // Slack's default grey button has no style attribute
            }
        }
        action.confirm()
                .ifPresent(confirm -> button.confirm(ConfirmationDialogObject.builder()
                        .title(plainText(SlackText.fit(Markup.plain(confirm.title()), CONFIRM_TITLE_MAX)))
                        .text(plainText(SlackText.fit(Markup.plain(confirm.text()), CONFIRM_TEXT_MAX)))
                        .confirm(plainText(SlackText.fit(confirm.confirmLabel(), CONFIRM_BUTTON_MAX)))
                        .deny(plainText(SlackText.fit(confirm.denyLabel(), CONFIRM_BUTTON_MAX)))
                        .style(confirm.destructive() ? "danger" : "primary")
                        .build()));
        return button.build();
    }

    private static String toneMark(Card.Tone tone) {
        return switch (tone) {
            case PENDING -> ":hourglass_flowing_sand: ";
            case GOOD -> ":white_check_mark: ";
            case WARNING -> ":warning: ";
            case DANGER -> ":no_entry: ";
            case NEUTRAL -> "";
        };
    }
}
