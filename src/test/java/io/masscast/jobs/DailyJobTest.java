package io.masscast.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DailyJobTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    /** Remembers when (by the clock) each key's occurrence was handed over, and as what. */
    private static final class RecordingDailyJob extends DailyJob<String> {
        final Map<String, DailySchedule> schedules = new LinkedHashMap<>();
        final List<String> calls = new ArrayList<>();
        private final MutableClock clock;
        int failuresLeft;

        RecordingDailyJob(MutableClock clock) {
            super("daily-test", Duration.ofMinutes(1), clock);
            this.clock = clock;
        }

        @Override
        protected Map<String, DailySchedule> schedules() {
            return schedules;
        }

        @Override
        protected void due(String key, DailySchedule.Occurrence occurrence) {
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("database unavailable");
            }
            calls.add(key + " due " + occurrence.day() + " at " + clock.instant());
        }

        @Override
        protected void late(String key, DailySchedule.Occurrence occurrence) {
            calls.add(key + " late " + occurrence.day() + " at " + clock.instant());
        }

        @Override
        protected void missed(String key, DailySchedule.Occurrence occurrence) {
            calls.add(key + " missed " + occurrence.day() + " at " + clock.instant());
        }
    }

    /** Ticks once a minute from {@code from} (inclusive) to {@code to} (exclusive), as the runtime would. */
    private static void tickEveryMinute(RecordingDailyJob job, MutableClock clock, Instant from, Instant to) {
        clock.set(from);
        while (clock.instant().isBefore(to)) {
            job.tick();
            clock.advance(Duration.ofMinutes(1));
        }
    }

    /** What a job with a 02:30 and a 09:00 schedule in Berlin is handed, ticked once a minute over the span. */
    private static List<String> nightAndMorningTickedEveryMinute(String from, String to) {
        MutableClock clock = MutableClock.at(from);
        RecordingDailyJob job = new RecordingDailyJob(clock);
        job.schedules.put("night", new DailySchedule(LocalTime.of(2, 30), BERLIN));
        job.schedules.put("morning", new DailySchedule(LocalTime.of(9, 0), BERLIN));
        tickEveryMinute(job, clock, Instant.parse(from), Instant.parse(to));
        return job.calls;
    }

    @Test
    void aTimeTheSpringChangeSkipsRunsAtTheJumpAndEveryDayRunsOnce() {
        // Berlin, 2026-03-29: at 02:00 CET the clocks jump to 03:00 CEST, so 02:30 does not exist that night;
        // the job starts at midnight: yesterday's occurrences fell due before it ran and are reported missed
        List<String> calls = nightAndMorningTickedEveryMinute("2026-03-27T23:00:00Z", "2026-03-30T22:00:00Z");

        assertThat(calls)
                .containsExactly(
                        "night missed 2026-03-27 at 2026-03-27T23:00:00Z",
                        "morning missed 2026-03-27 at 2026-03-27T23:00:00Z",
                        "night due 2026-03-28 at 2026-03-28T01:30:00Z", // 02:30 CET
                        "morning due 2026-03-28 at 2026-03-28T08:00:00Z", // 09:00 CET
                        "night due 2026-03-29 at 2026-03-29T01:00:00Z", // 02:30 skipped: 03:00 CEST, the jump
                        "morning due 2026-03-29 at 2026-03-29T07:00:00Z", // 09:00 CEST
                        "night due 2026-03-30 at 2026-03-30T00:30:00Z", // 02:30 CEST
                        "morning due 2026-03-30 at 2026-03-30T07:00:00Z");
    }

    @Test
    void aTimeTheAutumnChangeRepeatsRunsOnceAtItsFirstInstant() {
        // Berlin, 2026-10-25: at 03:00 CEST the clocks go back to 02:00 CET, so 02:30 happens twice
        List<String> calls = nightAndMorningTickedEveryMinute("2026-10-24T12:00:00Z", "2026-10-26T12:00:00Z");

        assertThat(calls)
                .containsExactly(
                        "night late 2026-10-24 at 2026-10-24T12:00:00Z", // already due today when the job started
                        "morning late 2026-10-24 at 2026-10-24T12:00:00Z",
                        "night due 2026-10-25 at 2026-10-25T00:30:00Z", // the first 02:30 (CEST); not again at 01:30Z
                        "morning due 2026-10-25 at 2026-10-25T08:00:00Z", // 09:00 CET
                        "night due 2026-10-26 at 2026-10-26T01:30:00Z",
                        "morning due 2026-10-26 at 2026-10-26T08:00:00Z");
    }

    @Test
    void anOccurrenceMissedWhileDownIsMadeUpTheSameDayAndReportedMissedAfterIt() {
        MutableClock clock = MutableClock.at("2026-05-04T12:30:00Z"); // 14:30 in Berlin: today's 09:00 passed
        RecordingDailyJob sameDay = new RecordingDailyJob(clock);
        sameDay.schedules.put("morning", new DailySchedule(LocalTime.of(9, 0), BERLIN));
        sameDay.tick();
        sameDay.tick();

        clock.set(Instant.parse(
                "2026-05-05T05:00:00Z")); // 07:00 the next day: yesterday's 09:00 is over, today's not yet
        RecordingDailyJob nextDay = new RecordingDailyJob(clock);
        nextDay.schedules.put("morning", new DailySchedule(LocalTime.of(9, 0), BERLIN));
        nextDay.tick();

        assertThat(sameDay.calls).containsExactly("morning late 2026-05-04 at 2026-05-04T12:30:00Z");
        assertThat(nextDay.calls).containsExactly("morning missed 2026-05-04 at 2026-05-05T05:00:00Z");
    }

    @Test
    void aKeyAddedAfterItsTimeTodayIsLateAndOneAddedBeforeItIsDueWhenItComes() {
        MutableClock clock = MutableClock.at("2026-05-04T06:00:00Z"); // 08:00 Berlin
        RecordingDailyJob job = new RecordingDailyJob(clock);
        job.tick();
        job.schedules.put("early", new DailySchedule(LocalTime.of(7, 30), BERLIN));
        job.schedules.put("later", new DailySchedule(LocalTime.of(9, 0), BERLIN));
        clock.advance(Duration.ofMinutes(1));
        job.tick();
        clock.set(Instant.parse("2026-05-04T07:00:00Z"));
        job.tick();

        assertThat(job.calls)
                .containsExactly(
                        "early late 2026-05-04 at 2026-05-04T06:01:00Z",
                        "later missed 2026-05-03 at 2026-05-04T06:01:00Z", // its latest when first seen: yesterday's
                        "later due 2026-05-04 at 2026-05-04T07:00:00Z");
    }

    @Test
    void aKeyWhoseHandlerFailedIsAskedAgainAtTheNextCheck() {
        MutableClock clock = MutableClock.at("2026-05-04T07:00:00Z");
        RecordingDailyJob job = new RecordingDailyJob(clock);
        job.schedules.put("morning", new DailySchedule(LocalTime.of(9, 0), BERLIN));
        job.failuresLeft = 1;

        job.tick();
        clock.advance(Duration.ofMinutes(1));
        job.tick();
        job.tick();

        assertThat(job.calls).containsExactly("morning due 2026-05-04 at 2026-05-04T07:01:00Z");
    }

    @Test
    void aKeyWhoseTimeIsSetAnewIsWatchedAfreshFromThatCheck() {
        MutableClock clock = MutableClock.at("2026-05-04T07:00:00Z"); // 09:00 Berlin
        RecordingDailyJob job = new RecordingDailyJob(clock);
        job.schedules.put("morning", new DailySchedule(LocalTime.of(9, 0), BERLIN));
        job.tick();

        clock.advance(Duration.ofMinutes(30));
        job.schedules.put("morning", new DailySchedule(LocalTime.of(11, 0), BERLIN)); // its latest is now yesterday's
        job.tick();
        job.tick();
        clock.set(Instant.parse("2026-05-04T09:00:00Z")); // 11:00: the new time falls due while watched
        job.tick();
        clock.advance(Duration.ofMinutes(1));
        job.schedules.put("morning", new DailySchedule(LocalTime.of(10, 0), BERLIN)); // earlier: already due today
        job.tick();

        // the work is handed the same day again after each change: it must do a day's work once (it claims it)
        assertThat(job.calls)
                .containsExactly(
                        "morning due 2026-05-04 at 2026-05-04T07:00:00Z",
                        "morning missed 2026-05-03 at 2026-05-04T07:30:00Z",
                        "morning due 2026-05-04 at 2026-05-04T09:00:00Z",
                        "morning late 2026-05-04 at 2026-05-04T09:01:00Z");
    }

    @Test
    void scheduleArithmeticAcrossBothChanges() {
        DailySchedule night = new DailySchedule(LocalTime.of(2, 30), BERLIN);

        assertThat(night.dueOn(LocalDate.of(2026, 3, 29))).isEqualTo(Instant.parse("2026-03-29T01:00:00Z"));
        assertThat(night.dueOn(LocalDate.of(2026, 10, 25))).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        assertThat(night.latest(Instant.parse("2026-03-29T00:59:59Z")).day()).isEqualTo(LocalDate.of(2026, 3, 28));
        assertThat(night.latest(Instant.parse("2026-03-29T01:00:00Z")).day()).isEqualTo(LocalDate.of(2026, 3, 29));
    }
}
