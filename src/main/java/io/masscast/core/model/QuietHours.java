package io.masscast.core.model;

import java.time.LocalTime;
import java.util.Objects;

/**
 * A daily window, in the binding's time zone, in which no message may go out. The window may
 * wrap midnight (23:00–08:00). Start is inclusive, end exclusive.
 */
public record QuietHours(LocalTime start, LocalTime end) {
    public QuietHours {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (start.equals(end)) {
            throw new IllegalArgumentException("quiet hours must not start and end at the same time");
        }
    }

    public boolean contains(LocalTime time) {
        return start.isBefore(end)
                ? !time.isBefore(start) && time.isBefore(end)
                : !time.isBefore(start) || time.isBefore(end);
    }

    @Override
    public String toString() {
        return start + "–" + end;
    }
}
