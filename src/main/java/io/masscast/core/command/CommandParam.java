package io.masscast.core.command;

import io.masscast.core.policy.SendPolicy;
import java.util.Objects;

/**
 * An argument of a {@code /masscast} subcommand, for platforms that offer typed options (Discord) and for help.
 * A positional argument comes first and is typed without a key ({@code approve MC-3}); the others are
 * {@code key=value} on a command line and named options elsewhere. {@code min} and {@code max} bound numbers.
 */
public record CommandParam(
        String name, Kind kind, boolean required, boolean positional, String description, long min, long max) {

    /** What an argument takes; a platform picks the input that fits. */
    public enum Kind {
        /** A campaign of the channel ({@code MC-12}). */
        CAMPAIGN,
        /** Free text, the rest of the line (a rejection's reason). */
        REASON,
        /** One value, as typed. */
        TEXT,
        /** Several values separated by commas (fan ids, media). */
        ITEMS,
        /** Fan lists of the channel's creator, by name or id. */
        LISTS,
        /** A whole number between {@code min} and {@code max}. */
        WHOLE,
        /** An amount of US dollars between {@code min} and {@code max}. */
        MONEY,
        /** Yes or no. */
        FLAG,
        /** A time zone ({@code Europe/Berlin}). */
        ZONE,
        /** People or groups, as mentions or ids. */
        PEOPLE,
        /** Files attached to the command (a platform's attachment options). */
        FILES
    }

    public CommandParam {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(description, "description");
        if (min > max) {
            throw new IllegalArgumentException("min > max");
        }
    }

    static CommandParam positional(String name, Kind kind, String description) {
        return new CommandParam(name, kind, true, true, description, 0, 0);
    }

    /** A positional argument that may be left out (a digest's period). */
    static CommandParam optionalPositional(String name, Kind kind, String description) {
        return new CommandParam(name, kind, false, true, description, 0, 0);
    }

    static CommandParam named(String name, Kind kind, String description) {
        return new CommandParam(name, kind, false, false, description, 0, 0);
    }

    static CommandParam required(String name, Kind kind, String description) {
        return new CommandParam(name, kind, true, false, description, 0, 0);
    }

    static CommandParam number(String name, Kind kind, String description, long min, long max) {
        return new CommandParam(name, kind, false, false, description, min, max);
    }

    /** A compose form field as an argument of {@code new} and {@code edit}. */
    static CommandParam of(FormField field) {
        return switch (field.kind()) {
            case COUNT -> number(field.key(), Kind.WHOLE, field.hint(), 0, 100);
            case MONEY -> number(field.key(), Kind.MONEY, field.hint(), 0, SendPolicy.MAX_PRICE.longValue());
            case FLAG -> named(field.key(), Kind.FLAG, field.hint());
            case LISTS -> named(field.key(), Kind.LISTS, field.hint());
            case SEND_TIME ->
                named(field.key(), Kind.TEXT, "Creator's time zone: " + field.typing() + ". Empty: on approval.");
            case CHOICE -> named(field.key(), Kind.TEXT, field.hint() + " " + capital(field.typing()) + ".");
            case TEXT -> named(field.key(), Kind.TEXT, field.hint());
            case FAN_IDS, MEDIA -> named(field.key(), Kind.ITEMS, field.hint() + " Separated by commas.");
            case FILES -> named(field.key(), Kind.FILES, field.hint());
            default -> named(field.key(), Kind.TEXT, field.hint() + " " + capital(field.typing()) + ".");
        };
    }

    private static String capital(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
