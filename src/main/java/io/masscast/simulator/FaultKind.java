package io.masscast.simulator;

import java.util.Arrays;

/** What an injected fault does to the requests it matches. */
public enum FaultKind {
    /** Answer with {@link Fault#status()} and an OFAuth error body; the request has no effect. */
    STATUS("status"),
    /** Perform the request, then wait {@link Fault#latencyMs()} before answering. */
    LATENCY("latency"),
    /** Perform the request, then close the connection without answering. */
    DROP_AFTER_CREATE("drop_after_create"),
    /** Perform the request, then answer 200 with a truncated JSON body. */
    MALFORMED_JSON("malformed_json"),
    /** Answer with {@link Fault#status()} and an HTML body, as a proxy would; the request has no effect. */
    NON_JSON_ERROR("non_json_error"),
    /** Answer 429 {@code RATE_LIMIT_EXCEEDED} without spending the connection's tokens. */
    RATE_LIMIT_STORM("rate_limit_storm");

    private final String wireName;

    FaultKind(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static FaultKind fromWireName(String name) {
        return Arrays.stream(values())
                .filter(kind -> kind.wireName.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown fault kind: " + name));
    }
}
