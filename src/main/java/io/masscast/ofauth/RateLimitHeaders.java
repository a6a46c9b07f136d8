package io.masscast.ofauth;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.Headers;

/**
 * OFAuth's rate-limit headers. Which of them the live API sends, and the unit of {@code X-RateLimit-Reset},
 * are not documented (OFAUTH.md section 11), so: {@code Retry-After} in seconds or as an HTTP date wins;
 * else {@code X-RateLimit-Reset}, read as epoch milliseconds or seconds when it looks like one, otherwise
 * as seconds to wait.
 */
final class RateLimitHeaders {

    private static final long EPOCH_SECONDS_FLOOR = 1_000_000_000L;
    private static final long EPOCH_MILLIS_FLOOR = 1_000_000_000_000L;

    private RateLimitHeaders() {}

    static Optional<Duration> retryAfter(Headers headers, Instant now) {
        return parseRetryAfter(headers.get("Retry-After"), now)
                .or(() -> parseReset(headers.get("X-RateLimit-Reset"), now));
    }

    static OptionalLong remaining(Headers headers) {
        String value = headers.get("X-RateLimit-Remaining");
        try {
            return value == null ? OptionalLong.empty() : OptionalLong.of(Math.max(0, Long.parseLong(value.strip())));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    private static Optional<Duration> parseRetryAfter(String value, Instant now) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<Double> seconds = number(value);
        if (seconds.isPresent()) {
            return Optional.of(ofSeconds(seconds.get()));
        }
        try {
            Instant at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant();
            return Optional.of(until(now, at));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Optional<Duration> parseReset(String value, Instant now) {
        return number(value == null ? "" : value).map(reset -> {
            if (reset >= EPOCH_MILLIS_FLOOR) {
                return until(now, Instant.ofEpochMilli(reset.longValue()));
            }
            if (reset >= EPOCH_SECONDS_FLOOR) {
                return until(now, Instant.ofEpochSecond(reset.longValue()));
            }
            return ofSeconds(reset);
        });
    }

    private static Optional<Double> number(String value) {
        try {
            double parsed = Double.parseDouble(value.strip());
            return Double.isFinite(parsed) ? Optional.of(parsed) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Duration ofSeconds(double seconds) {
        return Duration.ofMillis(Math.max(0, Math.round(seconds * 1000)));
    }

    private static Duration until(Instant now, Instant at) {
        return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
    }
}
