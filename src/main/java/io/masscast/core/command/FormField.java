package io.masscast.core.command;

import java.util.List;
import java.util.Objects;

/**
 * One field of the compose form, as every adapter lays it out: a Slack modal input, a Discord modal component or
 * command option, a terminal prompt. {@code hint} says what the field means, {@code typing} how to write it when
 * it is typed as text; {@code maxLength} bounds the text. {@code group} says when a form asks for it, and
 * {@code choices} are what a {@link Kind#CHOICE} field offers.
 */
public record FormField(
        String key,
        String label,
        String hint,
        String typing,
        Kind kind,
        boolean required,
        int maxLength,
        Group group,
        List<Choice> choices) {

    /** When a form asks for a field. */
    public enum Group {
        /** The message: every form asks for these. */
        MESSAGE,
        /**
         * What makes the message an A/B test. The first field of the group ({@code split}) decides: a form that asks
         * in turn (a terminal) asks the rest only once it is given.
         */
        AB_TEST,
        /** Only when masscast asks for it, after refusing a submission on this field. */
        ON_REQUEST
    }

    /** One option of a choice: the value the core reads, and how a form shows it. */
    public record Choice(String value, String label) {
        public Choice {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(label, "label");
        }
    }

    /** What a field takes; each adapter picks the input that fits it. */
    public enum Kind {
        /** Free text over several lines. */
        TEXT,
        /** Some of the creator's fan lists (the choices: {@link FormOptions#lists}). */
        LISTS,
        /** OnlyFans fan ids. */
        FAN_IDS,
        /** A calendar day in the creator's zone. */
        DAY,
        /** Vault media ids, upload references or links (choices: {@link FormOptions#recentMedia}). */
        MEDIA,
        /** Files attached in chat, uploaded when the form is submitted. */
        FILES,
        /** A whole number, 0 or more. */
        COUNT,
        /** An amount of US dollars, 0 or more. */
        MONEY,
        /** Yes or no. */
        FLAG,
        /** A moment in the creator's zone. */
        SEND_TIME,
        /** One of {@link #choices()}; the first is what an untouched form gives. */
        CHOICE
    }

    /** A field of the message itself, with no choices. */
    public FormField(String key, String label, String hint, String typing, Kind kind, boolean required, int maxLength) {
        this(key, label, hint, typing, kind, required, maxLength, Group.MESSAGE, List.of());
    }

    public FormField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(typing, "typing");
        Objects.requireNonNull(kind, "kind");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive");
        }
        Objects.requireNonNull(group, "group");
        choices = List.copyOf(choices);
        if ((kind == Kind.CHOICE) == choices.isEmpty()) {
            throw new IllegalArgumentException("a choice field, and only a choice field, has choices");
        }
    }
}
