package io.masscast.app;

/** masscast cannot start; the message says why and what to change. It never holds a secret. */
final class StartupFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StartupFailure(String message) {
        super(message);
    }
}
