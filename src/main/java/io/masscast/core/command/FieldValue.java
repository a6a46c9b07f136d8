package io.masscast.core.command;

import io.masscast.core.model.ChatFile;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A value given for a named argument. {@link RawValue} is text, as a person typed it or as a picker gave its
 * items, which the command layer reads by its rules; the others arrive already typed from a platform's input (a
 * Discord option, a Slack number input or date-time picker) and are taken as they are, never written out as text
 * to be read again.
 */
public sealed interface FieldValue
        permits RawValue,
                FieldValue.Flag,
                FieldValue.Amount,
                FieldValue.Count,
                FieldValue.Moment,
                FieldValue.Day,
                FieldValue.Files {

    /** The value as one string (items joined by commas, yes/no, the number, the day), for scalar keys and echoes. */
    String text();

    /** Yes or no (a checkbox, a boolean option). */
    record Flag(boolean value) implements FieldValue {
        @Override
        public String text() {
            return value ? "yes" : "no";
        }
    }

    /** A number with decimals, such as a price. */
    record Amount(BigDecimal value) implements FieldValue {
        public Amount {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value.toPlainString();
        }
    }

    /** A whole number. */
    record Count(long value) implements FieldValue {
        @Override
        public String text() {
            return Long.toString(value);
        }
    }

    /** An exact instant, as a date-time picker gives it: no wall-clock reading can move it. */
    record Moment(Instant value) implements FieldValue {
        public Moment {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value.toString();
        }
    }

    /** A calendar day, as a date picker gives it. */
    record Day(LocalDate value) implements FieldValue {
        public Day {
            Objects.requireNonNull(value, "value");
        }

        @Override
        public String text() {
            return value.toString();
        }
    }

    /** Files attached in chat (a form's file input, a command's attachments), not yet read. */
    record Files(List<ChatFile> files) implements FieldValue {
        public Files {
            files = List.copyOf(files);
        }

        /** Their names, separated by commas. */
        @Override
        public String text() {
            return String.join(", ", files.stream().map(ChatFile::name).toList());
        }
    }
}
