package io.masscast.adapter.discord;

import io.masscast.adapter.common.TextLimits;
import io.masscast.core.text.Markup;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.dv8tion.jda.api.utils.MarkdownSanitizer;

/**
 * Text going to and coming from Discord. The core's {@link Markup} becomes Discord markdown: its mentions become
 * Discord's ({@code <@123>}, {@code <@&456>}) and everything else is escaped, so a fan list called {@code *VIP*}
 * or a text with {@code <@1>} in it shows as typed. Discord's mentions in what people type become the core's.
 */
final class DiscordText {
    /** {@code <@123>}, {@code <@!123>} (an older client's nickname mention), {@code <@&456>} (a role). */
    private static final Pattern MENTION = Pattern.compile("<@(&|!)?([0-9]{1,20})>");

    private static final Markup.Renderer MARKDOWN = new Markup.Renderer() {
        @Override
        public String plain(String text) {
            return escape(text);
        }

        @Override
        public String strong(String rendered) {
            return "**" + rendered + "**";
        }

        @Override
        public String person(String userId) {
            return "<@" + userId + ">";
        }

        @Override
        public String group(String groupId) {
            return "<@&" + groupId + ">";
        }
    };

    private DiscordText() {}

    /** The core's {@code text} as Discord markdown. */
    static String markdown(String text) {
        return Markup.render(text, MARKDOWN);
    }

    /** What someone typed into an option, with Discord's mentions turned into the core's. */
    static String typed(String text) {
        if (text == null) {
            return "";
        }
        return MENTION.matcher(text)
                .replaceAll(match -> Matcher.quoteReplacement(
                        "&".equals(match.group(1)) ? Markup.group(match.group(2)) : Markup.person(match.group(2))));
    }

    /** {@code text} cut to {@code max} characters, ending in an ellipsis when cut (Discord refuses longer values). */
    static String fit(String text, int max) {
        return TextLimits.fit(text, max);
    }

    /** Literal text: markdown characters are escaped, and {@code <} too, so nothing typed turns into a mention. */
    private static String escape(String text) {
        return MarkdownSanitizer.escape(text)
                .replace("<", "\\<")
                .replace("@everyone", "@\u200beveryone")
                .replace("@here", "@\u200bhere");
    }
}
