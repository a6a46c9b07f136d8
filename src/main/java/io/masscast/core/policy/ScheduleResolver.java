package io.masscast.core.policy;

import io.masscast.core.model.SendTime;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.Optional;

/**
 * Turns a send time into an instant. An exact instant stays as it is. A local date-time in the creator's zone
 * that does not exist (skipped by a daylight-saving change) is refused with the reason; an ambiguous one
 * (repeated) takes the earlier offset and says so.
 */
final class ScheduleResolver {

    record Resolution(Optional<Instant> instant, Optional<FieldError> error, Optional<String> note) {}

    private ScheduleResolver() {}

    static Resolution resolve(SendTime time, ZoneId zone) {
        if (time instanceof SendTime.Exact exact) {
            return new Resolution(Optional.of(exact.at()), Optional.empty(), Optional.empty());
        }
        return resolve(((SendTime.Local) time).at(), zone);
    }

    private static Resolution resolve(LocalDateTime local, ZoneId zone) {
        List<ZoneOffset> offsets = zone.getRules().getValidOffsets(local);
        if (offsets.isEmpty()) {
            ZoneOffsetTransition gap = zone.getRules().getTransition(local);
            String message = local + " does not exist in " + zone.getId() + ": clocks jump from "
                    + gap.getDateTimeBefore().toLocalTime() + " to "
                    + gap.getDateTimeAfter().toLocalTime()
                    + " that day. Pick a time before or after the jump.";
            return new Resolution(Optional.empty(), Optional.of(new FieldError(Fields.AT, message)), Optional.empty());
        }
        ZonedDateTime earlier =
                ZonedDateTime.ofLocal(local, zone, offsets.get(0)).withEarlierOffsetAtOverlap();
        Optional<String> note = offsets.size() > 1
                ? Optional.of(local + " happens twice in " + zone.getId() + " (clocks go back that night); "
                        + "masscast uses the first one, " + earlier.getOffset() + " (" + earlier.toInstant() + ").")
                : Optional.empty();
        return new Resolution(Optional.of(earlier.toInstant()), Optional.empty(), note);
    }
}
