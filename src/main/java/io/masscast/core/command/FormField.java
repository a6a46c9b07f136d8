package io.masscast.core.command;

import java.util.Objects;

/**
 * One field of the compose form, as every adapter lays it out: a Slack modal input, a Discord modal component or
 * command option, a terminal prompt. {@code hint} says what the field means, {@code typing} how to write it when
 * it is typed as text; {@code maxLength} bounds the text.
 */
public record FormField(String key, String label, String hint, String typing, Kind kind, boolean required, int maxLength) {

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
        SEND_TIME
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
    }
}
