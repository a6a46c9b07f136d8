package io.masscast.simulator;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A fault to inject into the next {@code times} matching requests.
 *
 * @param method    HTTP method to match, or null for any
 * @param path      exact path to match, a prefix ending in {@code *}, or null for any path
 *                  ({@code rate_limit_storm} with no path matches only {@code /v2/access/*})
 * @param status    HTTP status for {@code status} (400..599) and {@code non_json_error}; 0 otherwise
 * @param latencyMs delay for {@code latency}; 0 otherwise
 * @param times     how many matching requests the fault applies to
 */
public record Fault(String method, String path, FaultKind kind, int status, long latencyMs, int times) {

    private static final String MASS_MESSAGES = "/v2/access/mass-messages";

    public Fault {
        Objects.requireNonNull(kind, "kind");
        method = method == null ? null : method.toUpperCase(Locale.ROOT);
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1: " + times);
        }
        boolean needsStatus = kind == FaultKind.STATUS || kind == FaultKind.NON_JSON_ERROR;
        if (needsStatus && (status < 400 || status > 599)) {
            throw new IllegalArgumentException(kind.wireName() + " needs a status in 400..599: " + status);
        }
        if (kind == FaultKind.LATENCY && latencyMs < 1) {
            throw new IllegalArgumentException("latency needs latencyMs > 0: " + latencyMs);
        }
    }

    public static Fault status(String method, String path, int status) {
        return new Fault(method, path, FaultKind.STATUS, status, 0, 1);
    }

    public static Fault latency(String method, String path, Duration delay) {
        return new Fault(method, path, FaultKind.LATENCY, 0, delay.toMillis(), 1);
    }

    /** Creates the mass message of the next POST, then hangs up without answering. */
    public static Fault dropAfterCreate() {
        return new Fault("POST", MASS_MESSAGES, FaultKind.DROP_AFTER_CREATE, 0, 0, 1);
    }

    public static Fault malformedJson(String method, String path) {
        return new Fault(method, path, FaultKind.MALFORMED_JSON, 0, 0, 1);
    }

    public static Fault nonJsonError(String method, String path, int status) {
        return new Fault(method, path, FaultKind.NON_JSON_ERROR, status, 0, 1);
    }

    /** The next {@code times} Access calls get 429. */
    public static Fault rateLimitStorm(int times) {
        return new Fault(null, null, FaultKind.RATE_LIMIT_STORM, 0, 0, times);
    }

    public Fault withTimes(int times) {
        return new Fault(method, path, kind, status, latencyMs, times);
    }

    boolean matches(String requestMethod, String requestPath) {
        if (method != null && !method.equals(requestMethod)) {
            return false;
        }
        if (path == null) {
            return kind != FaultKind.RATE_LIMIT_STORM || requestPath.startsWith("/v2/access/");
        }
        return path.endsWith("*")
                ? requestPath.startsWith(path.substring(0, path.length() - 1))
                : path.equals(requestPath);
    }
}
