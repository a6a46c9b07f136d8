package io.masscast.core.policy;

import java.util.Locale;

/**
 * What a reply may show of a value someone typed: in quotes, at most {@value #MAX_SHOWN} characters (a longer
 * value is cut and its length said), with control and invisible characters written as {@code <U+200B>}, so a
 * reply is never long and never carries escape sequences back to a terminal.
 */
public final class Excerpt {
    public static final int MAX_SHOWN = 40;

    private Excerpt() {}

    /** A name someone typed (a command, a key) as is when it is a short plain word, else {@link #of quoted}. */
    public static String name(String raw) {
        boolean plain = !raw.isEmpty()
                && raw.length() <= MAX_SHOWN
                && raw.codePoints()
                        .allMatch(cp -> Character.isLetterOrDigit(cp) || cp == '_' || cp == '-' || cp == '.');
        return plain ? raw : of(raw);
    }

    /** Whether {@code raw} holds only characters an excerpt shows as themselves (no control or invisible ones). */
    public static boolean isPlain(String raw) {
        return raw.codePoints().noneMatch(cp -> cp == '\n' || cp == '\t' || TextRules.isShownByName(cp));
    }

    public static String of(String raw) {
        StringBuilder out = new StringBuilder("\"");
        int i = 0;
        for (int shown = 0; i < raw.length() && shown < MAX_SHOWN; shown++) {
            int cp = raw.codePointAt(i);
            if (cp == '\n') {
                out.append("\\n");
            } else if (cp == '\t') {
                out.append("\\t");
            } else if (TextRules.isShownByName(cp)) {
                out.append(String.format(Locale.ROOT, "<U+%04X>", cp));
            } else {
                out.appendCodePoint(cp);
            }
            i += Character.charCount(cp);
        }
        if (i < raw.length()) {
            return out.append("…\" (")
                    .append(TextRules.count(raw.length()))
                    .append(" characters)")
                    .toString();
        }
        return out.append('"').toString();
    }
}
