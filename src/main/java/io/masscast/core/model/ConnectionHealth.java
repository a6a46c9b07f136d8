package io.masscast.core.model;

/** Whether masscast can act for a creator's OFAuth connection. */
public enum ConnectionHealth {
    /** The session works. */
    ACTIVE,
    /** An OFAuth call answered "session expired"; a probe will tell. Nothing is sent or polled meanwhile. */
    SUSPECT,
    /** OFAuth confirmed the session is gone: the creator has to reconnect through OFAuth Link. */
    EXPIRED;

    public boolean usable() {
        return this == ACTIVE;
    }
}
