package io.masscast.adapter.discord;

import io.masscast.core.command.Card;
import io.masscast.core.command.CardAction;
import io.masscast.core.text.Markup;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.entities.MessageEmbed;

/**
 * A core {@link Card} as a Discord embed with buttons: the title, the colour of its tone, the message text as a
 * quote, the fields in the core's order (short ones side by side), the context line as the footer, and one button
 * per action whose custom id is {@code ActionId.encode()}. Every part is cut to Discord's limits, and the field
 * values share what is left of the embed's 6,000 characters.
 */
final class DiscordCards {
    static final int TITLE_MAX = MessageEmbed.TITLE_MAX_LENGTH;
    static final int DESCRIPTION_MAX = 1500;
    static final int FOOTER_MAX = 500;
    static final int FIELD_NAME_MAX = 100;
    static final int FIELD_VALUE_MAX = MessageEmbed.VALUE_MAX_LENGTH;
    /** Under Discord's 6,000 characters per embed, with room to spare. */
    static final int EMBED_BUDGET = MessageEmbed.EMBED_MAX_LENGTH_BOT - 100;

    static final int BUTTON_LABEL_MAX = Button.LABEL_MAX_LENGTH;
    /** A field shorter than this reads well side by side with others. */
    private static final int SHORT_FIELD = 40;

    DiscordMessage render(Card card, boolean isPrivate) {
        String title = DiscordText.fit(toneMark(card.tone()) + Markup.plain(card.title()), TITLE_MAX);
        String description = card.text().isBlank() ? "" : DiscordText.fit(quote(card.text()), DESCRIPTION_MAX);
        String footer = DiscordText.fit(Markup.plain(card.context()), FOOTER_MAX);
        EmbedBuilder embed = new EmbedBuilder().setTitle(title).setColor(color(card.tone()));
        if (!description.isEmpty()) {
            embed.setDescription(description);
        }
        int names = card.fields().stream()
                .mapToInt(f -> Math.min(f.label().length(), FIELD_NAME_MAX))
                .sum();
        int perValue = card.fields().isEmpty()
                ? FIELD_VALUE_MAX
                : Math.max(
                        40,
                        Math.min(
                                FIELD_VALUE_MAX,
                                (EMBED_BUDGET - title.length() - description.length() - footer.length() - names)
                                        / card.fields().size()));
        for (Card.Field field : card.fields()) {
            String value = DiscordText.fit(DiscordText.markdown(field.value()), perValue);
            embed.addField(
                    DiscordText.fit(Markup.plain(field.label()), FIELD_NAME_MAX), value, value.length() <= SHORT_FIELD);
        }
        if (!footer.isEmpty()) {
            embed.setFooter(footer);
        }
        List<Button> buttons = card.actions().stream().map(DiscordCards::button).toList();
        return new DiscordMessage(
                "", List.of(embed.build()), buttons.isEmpty() ? List.of() : ActionRow.partitionOf(buttons), isPrivate);
    }

    static Button button(CardAction action) {
        return Button.of(
                style(action.style()), action.id().encode(), DiscordText.fit(action.label(), BUTTON_LABEL_MAX));
    }

    static ButtonStyle style(CardAction.Style style) {
        return switch (style) {
            case PRIMARY -> ButtonStyle.SUCCESS;
            case DANGER -> ButtonStyle.DANGER;
            case DEFAULT -> ButtonStyle.SECONDARY;
        };
    }

    /** The message as fans will read it, set off as a quote. */
    private static String quote(String text) {
        return String.join(
                "\n",
                text.lines().map(line -> "> " + DiscordText.markdown(line)).toList());
    }

    private static String toneMark(Card.Tone tone) {
        return switch (tone) {
            case PENDING -> "⏳ ";
            case GOOD -> "✅ ";
            case WARNING -> "⚠️ ";
            case DANGER -> "⛔ ";
            case NEUTRAL -> "";
        };
    }

    private static int color(Card.Tone tone) {
        return switch (tone) {
            case PENDING -> 0xF2C744;
            case GOOD -> 0x2EB67D;
            case WARNING -> 0xE8912D;
            case DANGER -> 0xE01E5A;
            case NEUTRAL -> 0x99AAB5;
        };
    }
}
