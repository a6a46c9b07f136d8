package io.masscast.simulator;

/**
 * A mass message's state and counters at one instant.
 *
 * @param total         audience size once sending started, -1 before
 * @param unsendSeconds seconds left in the unsend window while it is open after sending, else 0
 */
record MessageStatus(
        MessageState state, int total, int sent, int viewed, int purchased, boolean canUnsend, long unsendSeconds) {

    int pending() {
        return state == MessageState.SENDING ? total - sent : 0;
    }

    boolean done() {
        return state == MessageState.SENT || state == MessageState.UNSENT;
    }

    boolean canceled() {
        return state == MessageState.CANCELED || state == MessageState.UNSENT;
    }
}
