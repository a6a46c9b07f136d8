package io.masscast.ofauth;

import io.masscast.core.port.CallPriority;
import java.time.Duration;

/**
 * What the client reports as it works, for metrics: each HTTP exchange with OFAuth, and how each connection's rate
 * limit is spent. Implementations must be quick and must not throw; {@link #NONE} ignores everything.
 */
public interface OfAuthObserver {
    OfAuthObserver NONE = new OfAuthObserver() {};

    /**
     * One attempt of a call: its endpoint as declared ({@code POST /v2/access/mass-messages}), OFAuth's status code
     * or, without an answer, the failure ({@code network_error}), and how long it took.
     */
    default void exchanged(String endpoint, String status, Duration took) {}

    /** A call of {@code priority} waited this long for a token of the connection's bucket. */
    default void waited(String connectionId, CallPriority priority, Duration waited) {}

    /** A call of {@code priority} got no token within its bound and was not sent. */
    default void refused(String connectionId, CallPriority priority) {}

    /** The tokens left in the connection's bucket, as last seen. */
    default void tokensLeft(String connectionId, long tokens) {}
}
