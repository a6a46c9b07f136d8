package io.masscast.core.policy;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads the numbers people type: digits 0–9 only (Java would also read ٣ or ３ as 3), no exponent, no thousands
 * separator, and bounded in length and scale before any arithmetic, so {@code 1e-999999999} or a million digits
 * cost nothing.
 */
public final class NumberInput {
    private static final int MAX_DIGITS = 9;
    private static final Pattern WHOLE = Pattern.compile("[0-9]{1," + MAX_DIGITS + "}");
    private static final Pattern DECIMAL =
            Pattern.compile("-?[0-9]{1," + MAX_DIGITS + "}(?:\\.[0-9]{1," + MAX_DIGITS + "})?");
    /** Longer than any number {@link #DECIMAL} accepts, with room for surrounding spaces. */
    private static final int MAX_LENGTH = 2 * MAX_DIGITS + 8;

    private NumberInput() {}

    /** A whole number from {@code min} to {@code max}, or empty. */
    public static OptionalInt whole(String raw, int min, int max) {
        Optional<Integer> n = bounded(raw)
                .filter(value -> WHOLE.matcher(value).matches())
                .map(Integer::parseInt)
                .filter(value -> value >= min && value <= max);
        return n.isPresent() ? OptionalInt.of(n.get()) : OptionalInt.empty();
    }

    /** A decimal such as {@code 12.50} or {@code -3}: up to nine digits before and after the point. */
    public static Optional<BigDecimal> decimal(String raw) {
        return bounded(raw).filter(value -> DECIMAL.matcher(value).matches()).map(BigDecimal::new);
    }

    /** Why {@code raw} is not a plain number, as a short clause for a message ("; use the digits 0-9"), or "". */
    public static String hint(String raw) {
        String value = bounded(raw).orElse("");
        if (value.codePoints().anyMatch(cp -> Character.isDigit(cp) && (cp < '0' || cp > '9'))) {
            return " (use the digits 0-9)";
        }
        if (value.indexOf(',') >= 0 || value.indexOf('\'') >= 0 || value.indexOf('_') >= 0) {
            return " (a dot before the decimals, no thousands separators)";
        }
        if (value.matches("[-+]?[0-9.]*[eE][-+]?[0-9]*")) {
            return " (write the number out, without an exponent)";
        }
        return "";
    }

    /** {@code raw} stripped, or empty when it is longer than any number we read (then it is never looked at). */
    private static Optional<String> bounded(String raw) {
        if (raw == null || raw.length() > 4 * MAX_LENGTH) {
            return Optional.empty();
        }
        String value = raw.strip();
        return value.length() > MAX_LENGTH ? Optional.empty() : Optional.of(value);
    }
}
