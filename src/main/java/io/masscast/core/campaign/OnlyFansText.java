package io.masscast.core.campaign;

import java.util.regex.Pattern;

/**
 * Message text reduced to what survives OnlyFans' storage, so the text masscast sent can be recognised in
 * OFAuth's analytics whether they return it as written or as HTML: common entities are decoded, line breaks
 * and block ends become spaces, other tags go, whitespace runs collapse to one space, ends are trimmed.
 * Decoding comes first so that a literal tag in the text and its escaped HTML form end up the same.
 */
final class OnlyFansText {

    private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</(p|div|li)>");
    private static final Pattern TAGS = Pattern.compile("</?[a-zA-Z][^<>]*>");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private OnlyFansText() {}

    static String normalise(String text) {
        String decoded = text.replace("&nbsp;", " ")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
        String plain = TAGS.matcher(BREAKS.matcher(decoded).replaceAll(" ")).replaceAll("");
        return WHITESPACE.matcher(plain).replaceAll(" ").strip();
    }
}
