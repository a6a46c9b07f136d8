package io.masscast.archfixture.adapter.common;

/** Shared by the fixture's adapters, as {@code adapter.common} is shared by the real ones. */
public final class SharedAck {
    public String ack() {
        return "ack";
    }
}
