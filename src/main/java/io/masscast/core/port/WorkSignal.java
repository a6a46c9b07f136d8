package io.masscast.core.port;

/**
 * Tells this process's background jobs that a transaction just committed work for them, so that they start on it
 * at once instead of at their next poll. The database calls it after the commit, never for a transaction that
 * rolled back, on the committing thread: it must return at once. It is only a hint: the jobs go on polling, which
 * is how they find work another replica wrote (or anything written while no job listened).
 */
@FunctionalInterface
public interface WorkSignal {

    /** Nobody listens (tests, tools). */
    WorkSignal NONE = work -> {};

    /** What a committed transaction left to do. */
    enum Work {
        /** A campaign is approved and waits for the submitter. */
        SUBMISSION,
        /** A notification waits in the outbox. */
        OUTBOX
    }

    void committed(Work work);
}
