package io.masscast.core.command;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How masscast writes money, counts and times in chat. */
public final class Formats {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Formats() {}

    public static String money(BigDecimal amount) {
        return "$" + amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }

    public static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** {@code 2026-03-21 20:00 Europe/Berlin (19:00 UTC, in 1 d 9 h)} */
    public static String when(Instant at, ZoneId zone, Instant now) {
        String utcDay =
                at.atZone(ZoneOffset.UTC).toLocalDate().equals(at.atZone(zone).toLocalDate())
                        ? ""
                        : at.atZone(ZoneOffset.UTC).toLocalDate() + " ";
        return LOCAL.format(at.atZone(zone)) + " " + zone.getId() + " (" + utcDay + UTC.format(at) + ", "
                + relative(at, now) + ")";
    }

    /** {@code in 3 h 5 min}, {@code 12 min ago}, {@code now}. */
    public static String relative(Instant at, Instant now) {
        Duration delta = Duration.between(now, at);
        boolean past = delta.isNegative();
        long minutes = Math.round(Math.abs(delta.toSeconds()) / 60.0);
        if (minutes == 0) {
            return "now";
        }
        String span;
        if (minutes < 60) {
            span = minutes + " min";
        } else if (minutes < 24 * 60) {
            span = (minutes / 60) + " h" + (minutes % 60 == 0 ? "" : " " + (minutes % 60) + " min");
        } else {
            long hours = minutes / 60;
            span = (hours / 24) + " d" + (hours % 24 == 0 ? "" : " " + (hours % 24) + " h");
        }
        return past ? span + " ago" : "in " + span;
    }

    /** The first {@code max} characters of a text, on one line, with an ellipsis when cut. */
    public static String excerpt(String text, int max) {
        String oneLine = text.strip().replaceAll("\\s*\\n\\s*", " ⏎ ");
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1).strip() + "…";
    }
}
