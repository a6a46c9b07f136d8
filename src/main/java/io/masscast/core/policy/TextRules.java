package io.masscast.core.policy;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What free text a person types may hold, for every field and every adapter: a bounded length, no control
 * characters (a message text or reason may have new lines and tabs), no characters that are not characters
 * (unpaired surrogates, noncharacters: PostgreSQL and OnlyFans can't take them), no bidirectional overrides
 * (they reorder how the rest of a line is displayed), and at least one visible character. Each problem is a
 * clause that follows the field's name ("The reason contains ..."), naming the character and where it is.
 */
public final class TextRules {
    /** A rejection reason: a few sentences for the requester. */
    public static final int MAX_REASON_LENGTH = 1_000;
    /** A creator's name, a connection id, a list name or id, an approver id. */
    public static final int MAX_NAME_LENGTH = 100;

    /** Whether text may span lines (message text, reasons) or is a single line (names, ids). */
    public enum Lines {
        MULTI,
        SINGLE
    }

    private static final int SHOWN_INVISIBLES = 3;

    private TextRules() {}

    /** The first problem with {@code value}, worded to follow the field's name, or empty if it may be stored. */
    public static Optional<String> problem(String value, int maxLength, Lines lines) {
        if (value.length() > maxLength) {
            return Optional.of("is " + count(value.length()) + " characters long; at most " + count(maxLength)
                    + " are allowed. Shorten it.");
        }
        for (int i = 0; i < value.length(); ) {
            int cp = value.codePointAt(i);
            Optional<String> refused = refusal(cp, lines, value, i);
            if (refused.isPresent()) {
                return Optional.of(refused.get() + " at position " + (i + 1) + ": remove it.");
            }
            i += Character.charCount(cp);
        }
        if (!value.isEmpty() && value.codePoints().allMatch(TextRules::isInvisible)) {
            return Optional.of(
                    "has no visible character (only " + invisibles(value) + "): write something people can read.");
        }
        return Optional.empty();
    }

    /** Whether a code point shows nothing on its own: spaces, format characters, fillers and blank patterns. */
    public static boolean isInvisible(int cp) {
        if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
            return true;
        }
        switch (Character.getType(cp)) {
            case Character.CONTROL, Character.FORMAT, Character.NON_SPACING_MARK, Character.ENCLOSING_MARK -> {
                return true;
            }
            default -> {
                // judged by the list below
            }
        }
        return cp == 0x2800 // braille pattern blank
                || cp == 0x3164
                || cp == 0xFFA0
                || cp == 0x115F
                || cp == 0x1160 // Hangul fillers
                || cp == 0x034F
                || cp == 0x17B4
                || cp == 0x17B5 // combining grapheme joiner, Khmer inherent vowels
                || (cp >= 0x180B && cp <= 0x180F)
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF);
    }

    /** Whether an excerpt should show this code point by name rather than as itself. */
    static boolean isShownByName(int cp) {
        return (cp != ' ' && isInvisible(cp))
                || (Character.isSurrogate((char) cp) && cp <= 0xFFFF)
                || isNoncharacter(cp);
    }

    /** {@code U+200B ZERO WIDTH SPACE}, as messages name a character. */
    public static String name(int cp) {
        String name = Character.getName(cp);
        return String.format(Locale.ROOT, "U+%04X", cp) + (name == null ? "" : " " + name);
    }

    private static Optional<String> refusal(int cp, Lines lines, String value, int at) {
        if (cp == '\n' || cp == '\t') {
            return lines == Lines.MULTI
                    ? Optional.empty()
                    : Optional.of("contains a " + (cp == '\n' ? "new line" : "tab") + ", which this field can't hold,");
        }
        if (Character.getType(cp) == Character.CONTROL) {
            return Optional.of("contains the control character " + name(cp));
        }
        if (Character.isSurrogate(value.charAt(at)) && Character.charCount(cp) == 1) {
            return Optional.of("contains a broken character (half of a UTF-16 pair, " + name(cp) + ")");
        }
        if (isNoncharacter(cp)) {
            return Optional.of("contains " + name(cp) + ", which is not a character");
        }
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069)) {
            return Optional.of("contains " + name(cp) + ", which changes the direction the rest is displayed in,");
        }
        return Optional.empty();
    }

    private static boolean isNoncharacter(int cp) {
        return (cp >= 0xFDD0 && cp <= 0xFDEF) || (cp & 0xFFFE) == 0xFFFE;
    }

    private static String invisibles(String value) {
        Set<String> names = new LinkedHashSet<>();
        value.codePoints().limit(10_000).forEach(cp -> names.add(cp == ' ' ? "spaces" : name(cp)));
        String shown = String.join(", ", names.stream().limit(SHOWN_INVISIBLES).toList());
        return names.size() > SHOWN_INVISIBLES ? shown + ", …" : shown;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
