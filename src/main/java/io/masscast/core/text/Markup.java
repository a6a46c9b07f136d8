package io.masscast.core.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one markup that text from the core may carry (replies, cards, thread notes). Each adapter renders it in
 * its platform's syntax — Slack mrkdwn, Discord markdown, plain text in the terminal — and escapes everything
 * else, which is literal text. Three tokens, in brackets nobody types by accident (U+27E6, U+27E7):
 * <ul>
 *   <li>{@code ⟦@U123⟧}: a person, by platform user id;</li>
 *   <li>{@code ⟦@&S456⟧}: a group of people (a Slack user group, a Discord role), by group id;</li>
 *   <li>{@code ⟦*text*⟧}: strong emphasis; its text may hold mentions.</li>
 * </ul>
 * Adapters also turn their platform's mentions in what people type into these tokens, so the core reads one
 * syntax only.
 */
public final class Markup {
    private static final String OPEN = "⟦";
    private static final String CLOSE = "⟧";
    private static final String MENTION = "⟦@&?[^⟦⟧\\s]+⟧";
    private static final Pattern MENTIONS_ONLY = Pattern.compile("(?:[^⟦⟧]|" + MENTION + ")+");
    private static final Pattern TOKEN =
            Pattern.compile("⟦@&([^⟦⟧\\s]+)⟧|⟦@([^⟦⟧\\s]+)⟧|⟦\\*((?:[^⟦⟧]|" + MENTION + ")+?)\\*⟧");
    private static final Pattern ID = Pattern.compile("[^⟦⟧\\s&][^⟦⟧\\s]*");

    private Markup() {}

    /** A piece of marked-up text. */
    public sealed interface Span {}

    /** Literal text: shown as it is, escaped for the platform. */
    public record Plain(String text) implements Span {}

    /** Strong emphasis over {@code text}, which may hold mention tokens. */
    public record Strong(String text) implements Span {}

    public record Person(String userId) implements Span {}

    public record Group(String groupId) implements Span {}

    /** How one platform writes each kind of span. */
    public interface Renderer {
        String plain(String text);

        /** Strong emphasis around {@code rendered}, which is already in the platform's syntax. */
        String strong(String rendered);

        String person(String userId);

        String group(String groupId);
    }

    public static String person(String userId) {
        return OPEN + "@" + requireId(userId) + CLOSE;
    }

    public static String group(String groupId) {
        return OPEN + "@&" + requireId(groupId) + CLOSE;
    }

    /** {@code text} (which may hold mentions) as strong; text that can't be marked up so stays as it is. */
    public static String strong(String text) {
        if (text.isEmpty()
                || text.startsWith("*")
                || text.endsWith("*")
                || !MENTIONS_ONLY.matcher(text).matches()) {
            return text;
        }
        return OPEN + "*" + text + "*" + CLOSE;
    }

    /**
     * {@code text} from outside (a fan's or a list's name, a message's text) as literal text whatever it holds: the
     * markup's brackets are taken out, so it can't mention anyone.
     */
    public static String literal(String text) {
        return text.replace(OPEN, "").replace(CLOSE, "");
    }

    /** The spans of {@code text}, in order; text without tokens is one plain span. */
    public static List<Span> parse(String text) {
        List<Span> spans = new ArrayList<>();
        Matcher m = TOKEN.matcher(Objects.requireNonNull(text, "text"));
        int last = 0;
        while (m.find()) {
            if (m.start() > last) {
                spans.add(new Plain(text.substring(last, m.start())));
            }
            spans.add(
                    m.group(1) != null
                            ? new Group(m.group(1))
                            : m.group(2) != null ? new Person(m.group(2)) : new Strong(m.group(3)));
            last = m.end();
        }
        if (last < text.length()) {
            spans.add(new Plain(text.substring(last)));
        }
        return spans;
    }

    /** {@code text} in a platform's syntax. */
    public static String render(String text, Renderer renderer) {
        StringBuilder out = new StringBuilder();
        for (Span span : parse(text)) {
            if (span instanceof Plain plain) {
                out.append(renderer.plain(plain.text()));
            } else if (span instanceof Strong strong) {
                out.append(renderer.strong(render(strong.text(), renderer)));
            } else if (span instanceof Person person) {
                out.append(renderer.person(person.userId()));
            } else if (span instanceof Group group) {
                out.append(renderer.group(group.groupId()));
            }
        }
        return out.toString();
    }

    /** {@code text} without markup, for places that show no formatting (titles, button labels): {@code @id}. */
    public static String plain(String text) {
        return render(text, PLAIN);
    }

    private static final Renderer PLAIN = new Renderer() {
        @Override
        public String plain(String text) {
            return text;
        }

        @Override
        public String strong(String rendered) {
            return rendered;
        }

        @Override
        public String person(String userId) {
            return "@" + userId;
        }

        @Override
        public String group(String groupId) {
            return "@&" + groupId;
        }
    };

    private static String requireId(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    "not a user or group id: a mention needs an id without spaces or brackets");
        }
        return id;
    }
}
