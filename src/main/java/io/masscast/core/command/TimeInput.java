package io.masscast.core.command;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the times people type, as local times in the creator's zone: {@code 2026-03-21 20:00},
 * {@code 2026-03-21T20:00}, {@code today 20:00}, {@code tomorrow 9:30}, {@code in 2h} / {@code in 90m} /
 * {@code in 1d}. Dates alone ({@code 2026-01-01}) are read by {@link #date}.
 */
final class TimeInput {
    static final String SEND_TIME_HELP =
            "write it like 2026-03-21 20:00, today 20:00, tomorrow 9:30 or in 2h (the creator's time zone), or now";

    private static final Pattern RELATIVE =
            Pattern.compile("in\\s*(\\d{1,4})\\s*(m|min|h|d)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DAY_AND_TIME =
            Pattern.compile("(today|tomorrow)\\s+(\\d{1,2}:\\d{2})", Pattern.CASE_INSENSITIVE);

    private TimeInput() {}

    /** The local date-time meant by {@code input} at {@code now} in {@code zone}, or empty if unreadable. */
    static Optional<LocalDateTime> dateTime(String input, LocalDateTime now, ZoneId zone) {
        String value = input.strip();
        Matcher relative = RELATIVE.matcher(value);
        if (relative.matches()) {
            long amount = Long.parseLong(relative.group(1));
            Duration step = switch (relative.group(2).toLowerCase(Locale.ROOT)) {
                case "d" -> Duration.ofDays(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofMinutes(amount);
            };
            return Optional.of(
                    now.atZone(zone).plus(step).toLocalDateTime().withSecond(0).withNano(0));
        }
        Matcher dayAndTime = DAY_AND_TIME.matcher(value);
        if (dayAndTime.matches()) {
            LocalDate day = now.toLocalDate().plusDays(dayAndTime.group(1).equalsIgnoreCase("tomorrow") ? 1 : 0);
            return time(dayAndTime.group(2)).map(day::atTime);
        }
        try {
            return Optional.of(LocalDateTime.parse(value.replace(' ', 'T')));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<LocalDate> date(String input) {
        try {
            return Optional.of(LocalDate.parse(input.strip()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<LocalTime> time(String input) {
        try {
            return Optional.of(
                    LocalTime.parse(input.length() == 4 ? "0" + input : input, DateTimeFormatter.ISO_LOCAL_TIME));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
