package io.masscast.jobs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job runtime's daily schedule kind: work due once a day per key (a channel's digest), each key at its own
 * {@link DailySchedule}, read afresh at every check because schedules change (a channel is bound, its time set).
 * Each check looks at every key's latest occurrence that this process has not handled yet: it is {@link #due}
 * when this process watched it fall due (it checked the key before and after its instant), {@link #late} when it
 * fell due before this process first checked the key (the process was down then, or the key is new) and its
 * local day is not over, and {@link #missed} once that day is over. A key whose schedule changes (its time is
 * set anew) is watched afresh from that check on. Subclasses hold no calendar arithmetic.
 *
 * <p>Handling must be safe to repeat in another process (a replica, a restart): claim it in the database. What
 * this process remembers only spares asking again; a key whose handler throws is asked again at the next check,
 * and one key failing does not hold up the others.
 */
public abstract class DailyJob<K> implements Job {
    private static final Logger LOG = LoggerFactory.getLogger(DailyJob.class);

    private final String name;
    private final Duration checkEvery;
    private final Clock clock;
    private final Map<K, DailySchedule> watched = new ConcurrentHashMap<>();
    private final Map<K, Instant> watchedSince = new ConcurrentHashMap<>();
    private final Map<K, LocalDate> handledUpTo = new ConcurrentHashMap<>();

    protected DailyJob(String name, Duration checkEvery, Clock clock) {
        this.name = name;
        this.checkEvery = checkEvery;
        this.clock = clock;
    }

    @Override
    public final String name() {
        return name;
    }

    /** How often the schedules are checked: an occurrence is handled at most this long after it fell due. */
    @Override
    public final Duration interval() {
        return checkEvery;
    }

    @Override
    public final void tick() {
        Instant now = clock.instant();
        Map<K, DailySchedule> schedules = schedules();
        watched.keySet().retainAll(schedules.keySet());
        watchedSince.keySet().retainAll(schedules.keySet());
        handledUpTo.keySet().retainAll(schedules.keySet());
        schedules.forEach((key, schedule) -> {
            if (!schedule.equals(watched.put(key, schedule))) {
                watchedSince.put(key, now);
                handledUpTo.remove(key);
            }
            DailySchedule.Occurrence occurrence = schedule.latest(now);
            LocalDate handled = handledUpTo.get(key);
            if (handled != null && !occurrence.day().isAfter(handled)) {
                return;
            }
            try {
                if (!schedule.sameDay(occurrence, now)) {
                    missed(key, occurrence);
                } else if (occurrence.dueAt().isBefore(watchedSince.get(key))) {
                    late(key, occurrence);
                } else {
                    due(key, occurrence);
                }
                handledUpTo.put(key, occurrence.day());
            } catch (RuntimeException e) {
                LOG.error(
                        "Job {}: the occurrence of {} for {} failed; it is tried again at the next check",
                        name,
                        occurrence.day(),
                        key,
                        e);
            }
        });
    }

    /** Every key to run, with its schedule now. */
    protected abstract Map<K, DailySchedule> schedules();

    /** The key's occurrence fell due while this process watched: do the day's work (claiming it first). */
    protected abstract void due(K key, DailySchedule.Occurrence occurrence);

    /**
     * The key's occurrence fell due before this process first checked the key, and its local day is not over:
     * the work may be made up now. By default it is, like {@link #due}.
     */
    protected void late(K key, DailySchedule.Occurrence occurrence) {
        due(key, occurrence);
    }

    /** The key's latest occurrence fell due on a local day that is over, without this process handling it. */
    protected abstract void missed(K key, DailySchedule.Occurrence occurrence);
}
