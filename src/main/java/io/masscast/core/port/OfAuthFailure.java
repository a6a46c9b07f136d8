package io.masscast.core.port;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Every way an OFAuth call can fail, as one closed family. Callers never see HTTP or JSON exceptions.
 * Messages name what happened and what to do; they never contain the API key.
 */
public abstract sealed class OfAuthFailure extends RuntimeException {

    private final Optional<String> requestId;

    private OfAuthFailure(String message, Optional<String> requestId, Throwable cause) {
        super(message, cause);
        this.requestId = requestId;
    }

    /** OFAuth's request id, when it sent one (useful when talking to OFAuth support). */
    public Optional<String> requestId() {
        return requestId;
    }

    /**
     * Whether OFAuth may have acted on the request despite the failure. A create that fails this way
     * must not be retried blindly: its outcome is unknown.
     */
    public abstract boolean mayHaveTakenEffect();

    /** 401: the API key is wrong, the creator's session is gone, or OFAuth was updating its rules ({@link #cause()}). */
    public static final class Unauthenticated extends OfAuthFailure {

        /** Why OFAuth refused the call. */
        public enum Cause {
            /** OFAuth does not accept masscast's API key. */
            API_KEY,
            /** The connection's OnlyFans session expired or is missing: the creator must reconnect via OFAuth Link. */
            SESSION,
            /** {@code RULES_OUTDATED}: OFAuth was refreshing its rules and did nothing; the same call may succeed later. */
            RULES_OUTDATED
        }

        private final Cause cause;

        public Unauthenticated(String message, Cause cause, Optional<String> requestId) {
            super(message, requestId, null);
            this.cause = Objects.requireNonNull(cause, "cause");
        }

        public Cause cause() {
            return cause;
        }

        /** The connection's OnlyFans session expired or is missing: the creator must reconnect via OFAuth Link. */
        public boolean sessionExpired() {
            return cause == Cause.SESSION;
        }

        @Override
        public boolean mayHaveTakenEffect() {
            return false;
        }
    }

    /** 403: the connection lacks the permission this call needs. */
    public static final class Forbidden extends OfAuthFailure {
        public Forbidden(String message, Optional<String> requestId) {
            super(message, requestId, null);
        }

        @Override
        public boolean mayHaveTakenEffect() {
            return false;
        }
    }

    /** 404: the message, list or route does not exist. */
    public static final class NotFound extends OfAuthFailure {
        public NotFound(String message, Optional<String> requestId) {
            super(message, requestId, null);
        }

        @Override
        public boolean mayHaveTakenEffect() {
            return false;
        }
    }

    /** 400/422: OFAuth refused the request; {@link #reason()} is OFAuth's own words. */
    public static final class InvalidRequest extends OfAuthFailure {
        private final String reason;

        public InvalidRequest(String reason, Optional<String> requestId) {
            super("OFAuth refused the request: " + reason, requestId, null);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }

        @Override
        public boolean mayHaveTakenEffect() {
            return false;
        }
    }

    /** 429 (or the client's own limiter gave up waiting): try again after {@link #retryAfter()}. */
    public static final class RateLimited extends OfAuthFailure {
        private final Duration retryAfter;

        public RateLimited(String message, Duration retryAfter, Optional<String> requestId) {
            super(message, requestId, null);
            this.retryAfter = retryAfter;
        }

        public Duration retryAfter() {
            return retryAfter;
        }

        @Override
        public boolean mayHaveTakenEffect() {
            return false;
        }
    }

    /** 5xx: OFAuth or OnlyFans failed; the request reached OFAuth and may have been acted on. */
    public static final class ServerError extends OfAuthFailure {
        private final int status;

        public ServerError(String message, int status, Optional<String> requestId) {
            super(message, requestId, null);
            this.status = status;
        }

        public int status() {
            return status;
        }

        @Override
        public boolean mayHaveTakenEffect() {
            return true;
        }
    }

    /** The network failed; {@link #mayHaveReachedOfAuth()} says whether the request could have arrived. */
    public static final class NetworkError extends OfAuthFailure {
        private final boolean mayHaveReachedOfAuth;

        public NetworkError(String message, boolean mayHaveReachedOfAuth, Throwable cause) {
            super(
                    message
                            + (mayHaveReachedOfAuth
                                    ? " (request may have reached OFAuth: yes)"
                                    : " (request may have reached OFAuth: no)"),
                    Optional.empty(),
                    cause);
            this.mayHaveReachedOfAuth = mayHaveReachedOfAuth;
        }

        public boolean mayHaveReachedOfAuth() {
            return mayHaveReachedOfAuth;
        }

        @Override
        public boolean mayHaveTakenEffect() {
            return mayHaveReachedOfAuth;
        }
    }

    /** A 2xx whose body could not be read: OFAuth acted, but masscast cannot tell the result. */
    public static final class BadPayload extends OfAuthFailure {
        public BadPayload(String message, Throwable cause) {
            super(message, Optional.empty(), cause);
        }

        @Override
        public boolean mayHaveTakenEffect() {
            return true;
        }
    }
}
