package io.masscast.jobs;

import io.masscast.core.port.WorkSignal;
import java.time.Duration;
import java.util.Set;

/** Periodic background work. A tick must be safe to run twice: it re-reads its work from the database. */
public interface Job {

    String name();

    /** The pause between the end of one tick and the start of the next. */
    Duration interval();

    void tick();

    /**
     * The process is stopping: a tick that is running should finish the item at hand and take no more. Called from
     * another thread; ticks after it are not scheduled.
     */
    default void stopping() {}

    /** The committed work that starts a tick at once, before the interval is over (see {@link JobWakeups}). */
    default Set<WorkSignal.Work> wakesOn() {
        return Set.of();
    }
}
