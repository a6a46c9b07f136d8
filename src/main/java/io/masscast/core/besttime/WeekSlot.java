package io.masscast.core.besttime;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.Comparator;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** An hour of the week in a creator's zone: Tuesday 20:00–21:00. */
public record WeekSlot(DayOfWeek day, int hour) implements Comparable<WeekSlot> {
    private static final Comparator<WeekSlot> ORDER =
            Comparator.comparing(WeekSlot::day).thenComparingInt(WeekSlot::hour);

    public WeekSlot {
        Objects.requireNonNull(day, "day");
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("hour must be 0 to 23: " + hour);
        }
    }

    /** The hour of the week {@code at} falls in, in {@code zone}. */
    public static WeekSlot of(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return new WeekSlot(local.getDayOfWeek(), local.getHour());
    }

    /**
     * The next start of this hour after {@code after} (at least {@code lead} later), in {@code zone}; a week
     * later when a clock change skips it (02:00 on the night the clocks jump), and the earlier of two when it
     * repeats. Empty only if neither of the next two weeks has it.
     */
    public Optional<Instant> next(Instant after, ZoneId zone, Duration lead) {
        Instant earliest = after.plus(lead);
        LocalDateTime start = earliest.atZone(zone)
                .toLocalDate()
                .with(TemporalAdjusters.nextOrSame(day))
                .atTime(hour, 0);
        for (int week = 0; week < 3; week++) {
            LocalDateTime candidate = start.plusWeeks(week);
            ZonedDateTime zoned = candidate.atZone(zone);
            if (zoned.toLocalDateTime().equals(candidate) && !zoned.toInstant().isBefore(earliest)) {
                return Optional.of(zoned.toInstant());
            }
        }
        return Optional.empty();
    }

    /** {@code Tue 20:00}. */
    public String label() {
        return day.getDisplayName(TextStyle.SHORT, Locale.US) + " " + String.format(Locale.ROOT, "%02d:00", hour);
    }

    /** {@code Tue 20:00–21:00}. */
    public String span() {
        return label() + "–" + String.format(Locale.ROOT, "%02d:00", (hour + 1) % 24);
    }

    @Override
    public int compareTo(WeekSlot other) {
        return ORDER.compare(this, other);
    }
}
