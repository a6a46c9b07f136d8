package io.masscast.ofauth;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * OFAuth's date formats. We send ISO-8601 UTC with seconds ({@code 2025-07-04T18:00:00Z}); we read
 * {@code Z} or an offset ({@code +00:00}), with or without fractions, a date-time without offset (UTC),
 * or a bare date (start of that day, UTC).
 */
final class OfAuthDates {

    private static final DateTimeFormatter WIRE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

    private OfAuthDates() {}

    static String format(Instant instant) {
        return WIRE.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The instant rounded up to a whole second, so a window's end stays inclusive on the wire. */
    static Instant ceilingSecond(Instant instant) {
        Instant seconds = instant.truncatedTo(ChronoUnit.SECONDS);
        return seconds.equals(instant) ? seconds : seconds.plusSeconds(1);
    }

    static Instant parse(String text) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (hasOffset(value)) {
                return OffsetDateTime.parse(value.replace(' ', 'T')).toInstant();
            }
            return LocalDateTime.parse(value.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not an ISO-8601 date: " + value, e);
        }
    }

    static LocalDate parseDate(String text) {
        return LocalDate.ofInstant(parse(text), ZoneOffset.UTC);
    }

    private static boolean hasOffset(String value) {
        int time = value.indexOf('T') >= 0 ? value.indexOf('T') : value.indexOf(' ');
        String clock = time < 0 ? value : value.substring(time);
        return clock.endsWith("Z") || clock.contains("+") || clock.contains("-");
    }
}
