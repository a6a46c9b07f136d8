package io.masscast.adapter.shell;

import io.masscast.core.command.Card;
import io.masscast.core.command.CardAction;
import io.masscast.core.text.Markup;

/** Renders cards and message text for a terminal: mentions as {@code @id}, buttons as the command to type. */
final class ShellText {
    private static final String RULE = "─".repeat(72);
    private static final int LABEL_WIDTH = 14;

    private ShellText() {}

    /** The core's markup as plain text: mentions as {@code @id}, strong text as it is. */
    static String plain(String text) {
        return Markup.plain(text);
    }

    /** A card as a box; its buttons become the commands to type (the card's context starts with its MC id). */
    static String card(Card card) {
        String humanId = humanId(card);
        StringBuilder out = new StringBuilder();
        out.append("┌").append(RULE).append('\n');
        out.append("│ ").append(plain(card.title())).append('\n');
        out.append("├").append(RULE).append('\n');
        if (!card.text().isBlank()) {
            out.append("│ ").append(plain(card.text())).append('\n');
        }
        for (Card.Field field : card.fields()) {
            // a value of several lines (an A/B test's comparison) stays inside the box, under the first
            out.append("│ ")
                    .append(pad(field.label()))
                    .append(plain(field.value()).replace("\n", "\n│ " + " ".repeat(LABEL_WIDTH)))
                    .append('\n');
        }
        if (!card.actions().isEmpty()) {
            out.append("│ ").append(pad("Actions"));
            for (CardAction action : card.actions()) {
                out.append('[')
                        .append(action.label())
                        .append(": ")
                        .append(action.command(humanId))
                        .append("] ");
            }
            out.append('\n');
        }
        out.append("│ ").append(plain(card.context())).append('\n');
        out.append("└").append(RULE);
        return out.toString();
    }

    /** The campaign a card shows: its context line starts with the campaign's id. */
    static String humanId(Card card) {
        return card.context().split(" ", 2)[0];
    }

    /** A confirmation a decision asks for, with the command that gives it. */
    static String confirmation(CardAction action) {
        CardAction.Confirm confirm = action.confirm().orElseThrow();
        String campaign = action.target()
                .orElseThrow(() -> new IllegalArgumentException("a confirmation in a terminal names its campaign"));
        return "→ " + Markup.plain(confirm.title()) + "\n  " + Markup.plain(confirm.text()) + "\n  To confirm: "
                + action.command(campaign);
    }

    private static String pad(String label) {
        return String.format("%-" + LABEL_WIDTH + "s", label + ":");
    }
}
