package io.masscast.core.command;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A platform-neutral message card: a title, labelled fields, free text, a context line and the buttons a
 * viewer may press. Slack renders it as Block Kit, Discord as an embed with components, the shell as text.
 * Fields, text and context may carry the core's {@link io.masscast.core.text.Markup} (mentions, strong text);
 * the title and button labels are plain text.
 */
public record Card(String title, Tone tone, List<Field> fields, String text, String context, List<CardAction> actions) {

    /** The colour or emphasis a platform may give the card. */
    public enum Tone {
        PENDING,
        GOOD,
        WARNING,
        DANGER,
        NEUTRAL
    }

    public record Field(String label, String value) {
        public Field {
            Objects.requireNonNull(label, "label");
            value = value == null || value.isBlank() ? "—" : value;
        }
    }

    public Card {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(tone, "tone");
        fields = List.copyOf(fields);
        text = text == null ? "" : text;
        context = context == null ? "" : context;
        actions = List.copyOf(actions);
    }

    public Optional<Field> field(String label) {
        return fields.stream().filter(f -> f.label().equals(label)).findFirst();
    }
}
