package io.masscast.core.command;

import io.masscast.core.policy.Excerpt;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads {@code key=value} arguments from one command line. A value is a comma-separated list of items (spaces
 * around the commas are allowed); an item with spaces or commas is quoted. Quotes are the ones keyboards and
 * autocorrect produce: {@code "..."}, {@code '...'}, {@code “...”}, {@code „...“}, {@code ‘...’}, {@code «...»},
 * {@code ‹...›}, {@code 「...」}. A typographic or single quote closes only before a space, a comma or the end, so
 * an apostrophe inside ({@code 'don't'}) is kept; a {@code "} always closes, and anything glued to it is a
 * problem. Inside quotes {@code \"}, {@code \\} and {@code \n} are escapes, and any other backslash sequence is
 * refused (outside quotes a backslash is an ordinary character). Words without {@code =} are positional; which
 * commands take them is the router's business.
 */
final class ArgumentParser {
    /** A word that is not {@code key=value}; {@code afterKey} is the key whose value it follows, if any. */
    record Word(String text, Optional<String> afterKey) {}

    record Parsed(List<Word> words, Map<String, RawValue> named, List<String> problems) {
        List<String> positional() {
            return words.stream().map(Word::text).toList();
        }

        /**
         * The problem with words beyond the first {@code allowed}, or empty if there are none: they are not
         * {@code key=value}, and when they follow a value, the fix is usually to quote it.
         */
        Optional<String> extraWords(int allowed) {
            if (words.size() <= allowed) {
                return Optional.empty();
            }
            List<Word> extra = words.subList(allowed, words.size());
            List<String> shown = extra.stream()
                    .limit(MAX_SHOWN_WORDS)
                    .map(w -> Excerpt.of(w.text()))
                    .toList();
            String list = String.join(", ", shown)
                    + (extra.size() > MAX_SHOWN_WORDS
                            ? " and " + (extra.size() - MAX_SHOWN_WORDS) + " more words"
                            : "");
            String verb = extra.size() == 1 ? " is" : " are";
            return Optional.of(list + verb + " not key=value: "
                    + extra.get(0)
                            .afterKey()
                            .map(key -> fix(key, extra))
                            .orElse("write each argument as key=value, with quotes around a value that has spaces")
                    + ".");
        }

        /** How to write {@code key}'s value so that the words after it belong to it. */
        private String fix(String key, List<Word> extra) {
            List<String> items = named.get(key).items();
            String following = String.join(
                    " ",
                    extra.stream()
                            .filter(w -> w.afterKey().equals(Optional.of(key)))
                            .map(Word::text)
                            .toList());
            String last = items.get(items.size() - 1);
            if (items.size() == 1 && last.isEmpty()) {
                return "write the value right after " + key + "=, as in "
                        + shorten(key + "=\"" + following + "\"", key);
            }
            String earlier = String.join(
                    ",",
                    items.subList(0, items.size() - 1).stream()
                            .map(FormValues::quoteIfNeeded)
                            .toList());
            return "to put spaces in a value, quote it, as in "
                    + shorten(
                            key + "=" + (earlier.isEmpty() ? "" : earlier + ",") + "\"" + last + " " + following + "\"",
                            key);
        }

        /** The suggestion when it is short and plain; else only its shape, never a long or unprintable echo. */
        private static String shorten(String suggestion, String key) {
            return suggestion.length() <= MAX_SUGGESTION && Excerpt.isPlain(suggestion)
                    ? suggestion
                    : Excerpt.name(key) + "=\"...\"";
        }
    }

    private static final int MAX_SHOWN_WORDS = 3;
    private static final int MAX_SUGGESTION = 80;
    private static final int MAX_REPORTED_PROBLEMS = 3;
    /** Opening quote mark → the marks that close it. */
    private static final Map<Character, String> CLOSING = Map.ofEntries(
            Map.entry('"', "\""),
            Map.entry('\'', "'"),
            Map.entry('\uFF02', "\uFF02"),
            Map.entry('\u201C', "\u201D\u201C"),
            Map.entry('\u201D', "\u201D"),
            Map.entry('\u201E', "\u201C\u201D"),
            Map.entry('\u2018', "\u2019\u2018"),
            Map.entry('\u2019', "\u2019"),
            Map.entry('\u201A', "\u2018\u2019"),
            Map.entry('\u00AB', "\u00BB"),
            Map.entry('\u00BB', "\u00AB"),
            Map.entry('\u2039', "\u203A"),
            Map.entry('\u203A', "\u2039"),
            Map.entry('\u300C', "\u300D"),
            Map.entry('\u300E', "\u300F"));

    private final String text;
    /** Command lines end a bare item at a space; a form field only at a comma. */
    private final boolean spacesEndItems;

    private int pos;
    private final List<String> problems = new ArrayList<>();

    private ArgumentParser(String text, boolean spacesEndItems) {
        this.text = text == null ? "" : text;
        this.spacesEndItems = spacesEndItems;
    }

    static Parsed parse(String text) {
        return new ArgumentParser(text, true).run();
    }

    /**
     * One value as typed into a form field, split into its items at commas: spaces belong to the item there
     * ({@code VIP whales, fans}), so quotes are only needed around commas.
     */
    static RawValue parseValue(String text) {
        String typed = text == null ? "" : text.strip();
        ArgumentParser parser = new ArgumentParser(typed, false);
        RawValue value = parser.readValue();
        // unreadable quoting is kept as typed, so the field's own check refuses it visibly instead of guessing
        return parser.problems.isEmpty()
                ? new RawValue(value.items().stream().map(String::strip).toList())
                : RawValue.of(typed);
    }

    private Parsed run() {
        List<Word> words = new ArrayList<>();
        Map<String, RawValue> named = new LinkedHashMap<>();
        Optional<String> lastKey = Optional.empty();
        skipSpaces();
        while (pos < text.length()) {
            int keyEnd = keyEnd(pos);
            if (keyEnd > pos) {
                String key =
                        text.substring(pos, keyEnd).toLowerCase(Locale.ROOT).replace('-', '_');
                pos = keyEnd + 1;
                if (named.containsKey(key)) {
                    problem(() ->
                            Excerpt.name(key) + " is given twice: give it once (separate several values with commas).");
                }
                named.put(key, readValue());
                lastKey = Optional.of(key);
            } else {
                words.add(new Word(readItem(), lastKey));
            }
            skipSpaces();
        }
        return new Parsed(words, named, problems);
    }

    /** Items separated by commas, with spaces allowed around each comma; a comma before the next key ends the value. */
    private RawValue readValue() {
        List<String> items = new ArrayList<>();
        while (true) {
            items.add(readItem());
            int afterItem = pos;
            skipSpaces();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                skipSpaces();
                if (pos >= text.length() || (spacesEndItems && keyEnd(pos) > pos)) {
                    return new RawValue(items);
                }
                continue;
            }
            pos = afterItem;
            return new RawValue(items);
        }
    }

    private String readItem() {
        return pos < text.length() && CLOSING.containsKey(text.charAt(pos)) ? readQuoted() : readBare();
    }

    /** Where the {@code =} of a {@code key=} starting at {@code from} is, or {@code from} if no key starts there. */
    private int keyEnd(int from) {
        if (!spacesEndItems || from >= text.length() || CLOSING.containsKey(text.charAt(from))) {
            return from;
        }
        int at = from;
        while (at < text.length()
                && !Character.isWhitespace(text.charAt(at))
                && text.charAt(at) != ','
                && text.charAt(at) != '=') {
            at++;
        }
        return at > from && at < text.length() && text.charAt(at) == '=' ? at : from;
    }

    private String readBare() {
        int start = pos;
        while (pos < text.length() && !endsBareItem(text.charAt(pos))) {
            if (text.charAt(pos) == '"') {
                int at = pos;
                problem(() -> "A \" inside " + Excerpt.of(wordAround(start)) + " (position " + (at + 1)
                        + "): put the whole " + "value in quotes and write \\\" for each quote inside it.");
            }
            pos++;
        }
        return text.substring(start, pos);
    }

    private boolean endsBareItem(char c) {
        return c == ',' || (spacesEndItems && Character.isWhitespace(c));
    }

    private String readQuoted() {
        int opening = pos;
        char open = text.charAt(pos++);
        String closers = CLOSING.get(open);
        boolean alwaysCloses = open == '"';
        StringBuilder out = new StringBuilder();
        int problemsBefore = problems.size();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (closers.indexOf(c) >= 0 && (alwaysCloses || atSeparator(pos))) {
                if (!atSeparator(pos)) {
                    int closed = pos;
                    while (pos < text.length() && !atSeparator(pos)) {
                        pos++;
                    }
                    int glued = pos;
                    problem(() -> "Right after the quote closed at position " + closed + " comes "
                            + Excerpt.of(text.substring(closed, glued))
                            + ": write \\\" for a quote inside a quoted value, "
                            + "and a space between arguments.");
                }
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                escape(text.charAt(pos++), closers, out, problems.size() == problemsBefore);
            } else {
                out.append(c);
            }
        }
        problem(() -> "The quote " + open + " opened at position " + (opening + 1)
                + " is never closed: add the closing " + closers.charAt(0) + ".");
        return out.toString();
    }

    /** Appends the escaped character; an unknown escape is a problem, reported once per quoted value. */
    private void escape(char next, String closers, StringBuilder out, boolean report) {
        switch (next) {
            case 'n' -> out.append('\n');
            case '\\', '"' -> out.append(next);
            default -> {
                if (closers.indexOf(next) >= 0) {
                    out.append(next);
                } else if (report) {
                    int at = pos - 1;
                    problem(() -> Excerpt.of("\\" + next) + " (position " + at
                            + ") is not an escape: inside quotes write "
                            + "\\\\ for a backslash (\"C:\\\\Users\"), \\n for a new line and \\\" for a quote.");
                }
            }
        }
    }

    private boolean atSeparator(int at) {
        return at >= text.length() || text.charAt(at) == ',' || Character.isWhitespace(text.charAt(at));
    }

    /** The word around {@code at}, for a message. */
    private String wordAround(int at) {
        int start = at;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1))) {
            start--;
        }
        int end = at;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(start, end);
    }

    /** Records a problem; after a few, the rest are not worth reading. */
    private void problem(Supplier<String> message) {
        if (problems.size() < MAX_REPORTED_PROBLEMS) {
            problems.add(message.get());
        }
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
