package io.masscast.adapter.discord;

import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * A message as Discord takes it: markdown {@code content}, embeds, rows of buttons, and whether only the asker sees
 * it (an ephemeral reply). Mentions in it may name users and roles, never {@code @everyone} or {@code @here}.
 */
record DiscordMessage(String content, List<MessageEmbed> embeds, List<ActionRow> rows, boolean isPrivate) {
    /** Discord's limit for a message's content. */
    static final int CONTENT_MAX = Message.MAX_CONTENT_LENGTH;

    private static final EnumSet<Message.MentionType> MENTIONS =
            EnumSet.of(Message.MentionType.USER, Message.MentionType.ROLE);

    DiscordMessage {
        Objects.requireNonNull(content, "content");
        embeds = List.copyOf(embeds);
        rows = List.copyOf(rows);
    }

    static DiscordMessage privately(String markdown) {
        return new DiscordMessage(DiscordText.fit(markdown, CONTENT_MAX), List.of(), List.of(), true);
    }

    static DiscordMessage inChannel(String markdown) {
        return new DiscordMessage(DiscordText.fit(markdown, CONTENT_MAX), List.of(), List.of(), false);
    }

    MessageCreateData create() {
        return new MessageCreateBuilder()
                .setContent(content)
                .setEmbeds(embeds)
                .setComponents(rows)
                .setAllowedMentions(MENTIONS)
                .build();
    }

    /** The same message as an edit of an existing one (a card updated in place, a confirmation answered). */
    MessageEditData edit() {
        return MessageEditData.fromCreateData(create());
    }
}
