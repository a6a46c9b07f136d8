package io.masscast.core.campaign;

/** What a submission asks of OFAuth: create the message (POST), or replace the scheduled one it holds (PUT). */
public enum SubmissionKind {
    /** A POST: OFAuth has no idempotency key, so it must never be repeated once it may have arrived. */
    CREATE,
    /** A PUT of a message OFAuth already holds: repeating it leaves the same result, so it is safe to retry. */
    REPLACE
}
