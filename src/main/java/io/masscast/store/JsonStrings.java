package io.masscast.store;

import java.util.ArrayList;
import java.util.List;

/**
 * Stores a list of strings in one text column as a JSON array ({@code ["fans","a,\"b\""]}), so ids and
 * names with commas, quotes, newlines or emoji round-trip exactly on both databases.
 */
final class JsonStrings {

    private JsonStrings() {}

    static String encode(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (String value : values) {
            if (json.length() > 1) {
                json.append(',');
            }
            appendQuoted(json, value);
        }
        return json.append(']').toString();
    }

    static List<String> decode(String json) {
        return new Parser(json).array();
    }

    private static void appendQuoted(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }

    /** Reads exactly what {@link #encode} writes (and any other JSON array of strings). */
    private static final class Parser {
        private final String json;
        private int pos;

        Parser(String json) {
            this.json = json;
        }

        List<String> array() {
            List<String> values = new ArrayList<>();
            skipSpace();
            expect('[');
            skipSpace();
            if (peek() == ']') {
                pos++;
            } else {
                do {
                    skipSpace();
                    values.add(string());
                    skipSpace();
                } while (next() == ',');
                pos--;
                expect(']');
            }
            skipSpace();
            if (pos != json.length()) {
                throw malformed();
            }
            return values;
        }

        private String string() {
            expect('"');
            StringBuilder value = new StringBuilder();
            for (char c = next(); c != '"'; c = next()) {
                if (c != '\\') {
                    value.append(c);
                    continue;
                }
                char escaped = next();
                switch (escaped) {
                    case '"', '\\', '/' -> value.append(escaped);
                    case 'n' -> value.append('\n');
                    case 'r' -> value.append('\r');
                    case 't' -> value.append('\t');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'u' -> {
                        if (pos + 4 > json.length()) {
                            throw malformed();
                        }
                        try {
                            value.append((char) Integer.parseInt(json.substring(pos, pos + 4), 16));
                        } catch (NumberFormatException e) {
                            throw malformed();
                        }
                        pos += 4;
                    }
                    default -> throw malformed();
                }
            }
            return value.toString();
        }

        private void skipSpace() {
            while (pos < json.length() && Character.isWhitespace(json.charAt(pos))) {
                pos++;
            }
        }

        private char peek() {
            if (pos >= json.length()) {
                throw malformed();
            }
            return json.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw malformed();
            }
        }

        // the stored text is not repeated: it may hold fan ids or message fragments
        private IllegalArgumentException malformed() {
            return new IllegalArgumentException(
                    "stored list is not a JSON array of strings (at character " + pos + ")");
        }
    }
}
