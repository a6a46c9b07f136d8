package io.masscast.core.command;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code key=value} arguments from one command line. A value is a comma-separated list of items;
 * an item with spaces or commas is quoted ({@code "VIP whales"}); inside quotes {@code \"}, {@code \\} and
 * {@code \n} are escapes. Words without {@code =} are positional.
 */
final class ArgumentParser {

    record Parsed(List<String> positional, Map<String, RawValue> named, List<String> problems) {
    }

    private final String text;
    private int pos;
    private final List<String> problems = new ArrayList<>();

    private ArgumentParser(String text) {
        this.text = text == null ? "" : text;
    }

    static Parsed parse(String text) {
        return new ArgumentParser(text).run();
    }

    /**
     * One value as typed into a form field, split into its items at commas: spaces belong to the item there
     * ({@code VIP whales, fans}), so quotes are only needed around commas.
     */
    static RawValue parseValue(String text) {
        ArgumentParser parser = new ArgumentParser(text == null ? "" : text.strip());
        RawValue value = parser.readValue(",");
        return new RawValue(value.items().stream().map(String::strip).toList());
    }

    private Parsed run() {
        List<String> positional = new ArrayList<>();
        Map<String, RawValue> named = new LinkedHashMap<>();
        skipSpaces();
        while (pos < text.length()) {
            int start = pos;
            String word = readBare("= ");
            if (pos < text.length() && text.charAt(pos) == '=' && !word.isEmpty()) {
                pos++;
                String key = word.toLowerCase().replace('-', '_');
                if (named.containsKey(key)) {
                    problems.add(key + " is given twice: give it once (separate several values with commas).");
                }
                named.put(key, readValue(", "));
            } else if (pos < text.length() && text.charAt(pos) == '"') {
                positional.add(readQuoted());
            } else if (word.isEmpty()) {
                problems.add("Unexpected \"" + text.charAt(start) + "\" at position " + (start + 1) + ".");
                pos++;
            } else {
                positional.add(word);
            }
            skipSpaces();
        }
        return new Parsed(positional, named, problems);
    }

    /** Items separated by commas, each quoted or bare (a bare item ends at one of {@code stops}). */
    private RawValue readValue(String stops) {
        List<String> items = new ArrayList<>();
        while (true) {
            if (pos < text.length() && text.charAt(pos) == '"') {
                items.add(readQuoted());
            } else {
                items.add(readBare(stops));
            }
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            return new RawValue(items);
        }
    }

    private String readBare(String stops) {
        int start = pos;
        while (pos < text.length() && stops.indexOf(text.charAt(pos)) < 0 && text.charAt(pos) != '"') {
            pos++;
        }
        return text.substring(start, pos);
    }

    private String readQuoted() {
        StringBuilder out = new StringBuilder();
        int opening = pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char next = text.charAt(pos++);
                out.append(next == 'n' ? '\n' : next);
            } else {
                out.append(c);
            }
        }
        problems.add("The quote opened at position " + (opening + 1) + " is never closed: add the closing \".");
        return out.toString();
    }

    private void skipSpaces() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }
}
