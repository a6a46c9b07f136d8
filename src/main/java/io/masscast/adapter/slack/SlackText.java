package io.masscast.adapter.slack;

import io.masscast.adapter.common.TextLimits;
import io.masscast.core.text.Markup;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text going to and coming from Slack. The core's {@link Markup} becomes mrkdwn: its mentions become Slack's
 * ({@code <@U123>}, {@code <!subteam^S123>}), and everything else is escaped, since mrkdwn treats {@code <...>}
 * as markup (links, {@code <!channel>}). Slash command text arrives escaped the other way round and is read
 * back to what was typed, with Slack's mentions turned into the core's.
 */
final class SlackText {
    private static final Pattern LINK = Pattern.compile("<((?:https?://|mailto:)[^|>]+)(?:\\|[^>]*)?>");
    /** {@code <@U123>} or {@code <@U123|name>}; {@code <!subteam^S123>} or {@code <!subteam^S123|@team>}. */
    private static final Pattern MENTION =
            Pattern.compile("<@([A-Za-z0-9]+)(?:\\|[^>]*)?>|<!subteam\\^([A-Za-z0-9]+)(?:\\|[^>]*)?>");

    private static final Markup.Renderer MRKDWN = new Markup.Renderer() {
        @Override
        public String plain(String text) {
            return escape(text);
        }

        @Override
        public String strong(String rendered) {
            return "*" + rendered + "*";
        }

        @Override
        public String person(String userId) {
            return "<@" + userId + ">";
        }

        @Override
        public String group(String groupId) {
            return "<!subteam^" + groupId + ">";
        }
    };

    private SlackText() {}

    /** The core's {@code text} as mrkdwn that shows it literally, with its mentions and strong text rendered. */
    static String mrkdwn(String text) {
        return Markup.render(text, MRKDWN);
    }

    /**
     * What the user typed after {@code /masscast}: links ({@code <https://x|x>}) become the URL, mentions become
     * the core's mention tokens (that is how {@code approvers=@bob} names Bob), and the entities Slack always
     * escapes (<code>&amp;amp; &amp;lt; &amp;gt;</code>) are decoded.
     */
    static String commandLine(String text) {
        if (text == null) {
            return "";
        }
        Matcher link = LINK.matcher(text);
        String unlinked =
                link.replaceAll(match -> Matcher.quoteReplacement(match.group(1).replaceFirst("^mailto:", "")));
        String mentioned = MENTION.matcher(unlinked)
                .replaceAll(match -> Matcher.quoteReplacement(
                        match.group(1) != null ? Markup.person(match.group(1)) : Markup.group(match.group(2))));
        return mentioned.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** {@code text} cut to {@code max} characters, ending in an ellipsis when cut (Slack rejects longer values). */
    static String fit(String text, int max) {
        return TextLimits.fit(text, max);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
