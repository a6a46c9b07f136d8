package io.masscast.config;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;

/**
 * A token, key or password. {@code toString()} is redacted, so a secret can sit in a record or a
 * log argument without leaking; the value comes out only through {@link #reveal()}.
 */
public final class Secret {
    private static final String REDACTED = "****";

    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        if (value.isBlank()) {
            throw new IllegalArgumentException("a secret must not be blank");
        }
        return new Secret(value);
    }

    /** The value itself, for the one call that needs it (an HTTP header, a JDBC connection). */
    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        // Constant-time, so comparing secrets does not leak how much of them matched.
        return other instanceof Secret that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return REDACTED;
    }
}
