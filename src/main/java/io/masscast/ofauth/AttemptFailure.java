package io.masscast.ofauth;

import io.masscast.core.port.OfAuthFailure;

/** One failed attempt: the failure the caller would see, and whether another attempt could succeed. */
final class AttemptFailure extends Exception {

    private final OfAuthFailure failure;
    private final boolean transientFailure;

    AttemptFailure(OfAuthFailure failure, boolean transientFailure) {
        super(failure.getMessage(), failure, false, false);
        this.failure = failure;
        this.transientFailure = transientFailure;
    }

    OfAuthFailure failure() {
        return failure;
    }

    /** 429, 5xx, 401 RULES_OUTDATED or an I/O failure: worth retrying when the operation allows it. */
    boolean transientFailure() {
        return transientFailure;
    }
}
