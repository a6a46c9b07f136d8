package io.masscast.ofauth;

import java.io.IOException;

/** An I/O failure of one HTTP exchange, and whether the request had started to go out when it happened. */
final class TransmissionException extends IOException {

    private final boolean requestMayHaveLeft;

    TransmissionException(IOException cause, boolean requestMayHaveLeft) {
        super(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()), cause);
        this.requestMayHaveLeft = requestMayHaveLeft;
    }

    boolean requestMayHaveLeft() {
        return requestMayHaveLeft;
    }
}
