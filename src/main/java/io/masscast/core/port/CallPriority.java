package io.masscast.core.port;

/**
 * Who waits for an OFAuth call. The client spends each connection's rate limit in this order, and
 * background polling only spends tokens above a reserve, so a send never waits behind a poll.
 */
public enum CallPriority {
    /** Creating, replacing, cancelling or unsending a message. */
    SEND,
    /** A person is waiting for the answer (list names, vault, a card being rendered). */
    INTERACTIVE,
    /** Polling for stats, reconciliation sweeps, digests. */
    BACKGROUND
}
