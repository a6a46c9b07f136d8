package io.masscast.jobs;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.zone.ZoneOffsetTransition;
import java.util.Objects;

/**
 * "Every day at {@code at} in {@code zone}", with clock changes handled: a time a change skips (02:30 on
 * the night the clocks jump from 02:00 to 03:00) falls due at the first valid instant after it, the jump
 * itself; a time a change repeats (02:30 on the night the clocks go back) falls due once, at its first,
 * earlier instant.
 */
public record DailySchedule(LocalTime at, ZoneId zone) {

    /** One day's occurrence: the local day it belongs to and the instant it falls due. */
    public record Occurrence(LocalDate day, Instant dueAt) {
        public Occurrence {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(dueAt, "dueAt");
        }
    }

    public DailySchedule {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(zone, "zone");
    }

    /** When the occurrence of {@code day} falls due. */
    public Instant dueOn(LocalDate day) {
        LocalDateTime local = day.atTime(at);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).toInstant(); // in an overlap, atZone takes the earlier offset
    }

    /** The latest occurrence due at or before {@code now}: today's once it is due, else yesterday's. */
    public Occurrence latest(Instant now) {
        LocalDate today = now.atZone(zone).toLocalDate();
        Instant todays = dueOn(today);
        if (!todays.isAfter(now)) {
            return new Occurrence(today, todays);
        }
        LocalDate yesterday = today.minusDays(1);
        return new Occurrence(yesterday, dueOn(yesterday));
    }

    /** Whether {@code now} still falls on the occurrence's local day (a missed occurrence may still be made up). */
    public boolean sameDay(Occurrence occurrence, Instant now) {
        return now.atZone(zone).toLocalDate().equals(occurrence.day());
    }
}
