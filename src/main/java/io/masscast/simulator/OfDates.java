package io.masscast.simulator;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/** The two timestamp styles OFAuth emits, a lenient ISO-8601 reader for request dates, and whole seconds. */
final class OfDates {
    private static final DateTimeFormatter ONLYFANS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter OFAUTH =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private OfDates() {}

    /** OnlyFans-originated style, e.g. {@code 2025-07-01T09:12:44+00:00}. */
    static String onlyFans(Instant instant) {
        return instant == null ? null : ONLYFANS.format(instant);
    }

    /** OFAuth-originated style, e.g. {@code 2025-05-02T14:03:11.000Z}. */
    static String ofAuth(Instant instant) {
        return instant == null ? null : OFAUTH.format(instant);
    }

    /** Accepts {@code Z} or an offset, fractional seconds, a zone-less date-time (as UTC) or a date (midnight UTC). */
    static Instant parse(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                return LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
        }
    }

    /** Like {@link #parse}, but a bare date means the end of that day, so {@code endDate=2025-07-01} includes the 1st. */
    static Instant parseRangeEnd(String text) {
        Instant start = parse(text);
        return isDateOnly(text) ? start.plus(1, ChronoUnit.DAYS).minusNanos(1) : start;
    }

    /** Seconds, rounded up: what is left of a window or a wait. */
    static long ceilSeconds(Duration duration) {
        long seconds = duration.getSeconds();
        return duration.getNano() > 0 ? seconds + 1 : seconds;
    }

    private static boolean isDateOnly(String text) {
        return text.length() == 10 && text.indexOf('T') < 0;
    }
}
