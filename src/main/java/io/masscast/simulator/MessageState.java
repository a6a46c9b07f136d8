package io.masscast.simulator;

/** Where a mass message is in its life. OFAuth has no such enum; it shows these through booleans and counters. */
enum MessageState {
    /** Waiting for its scheduled date. */
    SCHEDULED,
    /** Going out to its audience (immediate sends only). */
    SENDING,
    /** Delivered to everyone. */
    SENT,
    /** Deleted before its scheduled date; it never went out. */
    CANCELED,
    /** Pulled back inside the unsend window after going out; buyers keep access. */
    UNSENT
}
