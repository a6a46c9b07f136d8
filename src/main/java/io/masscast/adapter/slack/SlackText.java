package io.masscast.adapter.slack;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text going to and coming from Slack. Slack's mrkdwn treats {@code <...>} as markup (links, {@code <!channel>}),
 * so everything masscast shows is escaped, then the user mentions the core writes ({@code <@U123>}) are let
 * through again. Slash command text arrives escaped the other way round and is read back to what was typed.
 */
final class SlackText {
    private static final Pattern ESCAPED_MENTION = Pattern.compile("&lt;@([A-Za-z0-9._-]+)&gt;");
    private static final Pattern LINK = Pattern.compile("<((?:https?://|mailto:)[^|>]+)(?:\\|[^>]*)?>");

    private SlackText() {
    }

    /** {@code text} as mrkdwn that shows it literally, except that {@code <@id>} still mentions the user. */
    static String mrkdwn(String text) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return ESCAPED_MENTION.matcher(escaped).replaceAll("<@$1>");
    }

    /**
     * What the user typed after {@code /masscast}: links ({@code <https://x|x>}) become the URL and the entities
     * Slack always escapes ({@code &amp; &lt; &gt;}) are decoded. Mentions ({@code <@U1|name>}) stay: the core
     * reads approvers from them.
     */
    static String commandLine(String text) {
        if (text == null) {
            return "";
        }
        Matcher link = LINK.matcher(text);
        String unlinked = link.replaceAll(match -> Matcher.quoteReplacement(match.group(1).replaceFirst("^mailto:", "")));
        return unlinked.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
    }

    /** {@code text} cut to {@code max} characters, ending in an ellipsis when cut (Slack rejects longer values). */
    static String fit(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = max - 1;
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never split an emoji in half
        }
        return text.substring(0, end) + "…";
    }
}
