package io.masscast.core.port;

/**
 * Run by the gateway right before a create or replace goes on the wire: after the rate limiter granted
 * it and the connection to OFAuth is open, before the first byte of the request is written. Until the
 * hook has run, the request provably has not left. If the hook throws, nothing is sent and the exception
 * reaches the caller unchanged. A retry of the request (only ever a replace, or a create that never left)
 * runs the hook again.
 */
@FunctionalInterface
public interface RequestStartHook {

    void beforeSending();
}
