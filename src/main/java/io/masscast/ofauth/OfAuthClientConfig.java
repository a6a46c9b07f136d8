package io.masscast.ofauth;

import java.time.Duration;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Settings of the OFAuth client. {@code baseUrl} may be given with or without a trailing slash; the
 * API key is never printed ({@link #toString()} redacts it).
 */
public record OfAuthClientConfig(String baseUrl, String apiKey, Timeouts timeouts, RateLimit rateLimit, Retry retry) {

    public static final String DEFAULT_BASE_URL = "https://api.ofauth.com";

    public OfAuthClientConfig {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.strip().replaceAll("/+$", "");
        if (HttpUrl.parse(baseUrl + "/") == null) {
            throw new IllegalArgumentException("baseUrl is not an http(s) URL: " + baseUrl);
        }
        if (apiKey == null || apiKey.isBlank()) {
            throw new IllegalArgumentException("apiKey must not be blank");
        }
        Objects.requireNonNull(timeouts, "timeouts");
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(retry, "retry");
    }

    /** The documented defaults against {@link #DEFAULT_BASE_URL}. */
    public static OfAuthClientConfig defaults(String apiKey) {
        return new OfAuthClientConfig(
                DEFAULT_BASE_URL, apiKey, Timeouts.defaults(), RateLimit.defaults(), Retry.defaults());
    }

    public OfAuthClientConfig withBaseUrl(String newBaseUrl) {
        return new OfAuthClientConfig(newBaseUrl, apiKey, timeouts, rateLimit, retry);
    }

    public OfAuthClientConfig withTimeouts(Timeouts newTimeouts) {
        return new OfAuthClientConfig(baseUrl, apiKey, newTimeouts, rateLimit, retry);
    }

    public OfAuthClientConfig withRateLimit(RateLimit newRateLimit) {
        return new OfAuthClientConfig(baseUrl, apiKey, timeouts, newRateLimit, retry);
    }

    public OfAuthClientConfig withRetry(Retry newRetry) {
        return new OfAuthClientConfig(baseUrl, apiKey, timeouts, rateLimit, newRetry);
    }

    HttpUrl httpBaseUrl() {
        return HttpUrl.get(baseUrl + "/");
    }

    @Override
    public String toString() {
        return "OfAuthClientConfig[baseUrl=" + baseUrl + ", apiKey=****, timeouts=" + timeouts + ", rateLimit="
                + rateLimit + ", retry=" + retry + "]";
    }

    /** OkHttp timeouts; {@code read} also bounds how long a create waits for OFAuth's answer. */
    public record Timeouts(Duration connect, Duration read, Duration write) {
        public Timeouts {
            requirePositive(connect, "connect");
            requirePositive(read, "read");
            requirePositive(write, "write");
        }

        public static Timeouts defaults() {
            return new Timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(15));
        }
    }

    /**
     * The client's token bucket per connection, mirroring OFAuth's (burst {@code burst}, {@code refillTokens}
     * per {@code refillPeriod}). BACKGROUND calls only spend tokens above {@code backgroundReserve},
     * INTERACTIVE calls above {@code interactiveReserve}, SEND calls may spend every token. Each priority
     * waits at most its {@code *MaxWait} for a token. {@code defaultRetryAfter} applies to a 429 that says
     * nothing about when to come back.
     */
    public record RateLimit(
            long burst,
            long refillTokens,
            Duration refillPeriod,
            long backgroundReserve,
            long interactiveReserve,
            Duration sendMaxWait,
            Duration interactiveMaxWait,
            Duration backgroundMaxWait,
            Duration defaultRetryAfter) {

        public RateLimit {
            if (burst < 1 || refillTokens < 1) {
                throw new IllegalArgumentException("burst and refillTokens must be at least 1");
            }
            requirePositive(refillPeriod, "refillPeriod");
            if (interactiveReserve < 0 || backgroundReserve < interactiveReserve || backgroundReserve >= burst) {
                throw new IllegalArgumentException(
                        "reserves must satisfy 0 <= interactiveReserve <= backgroundReserve < burst");
            }
            requireNonNegative(sendMaxWait, "sendMaxWait");
            requireNonNegative(interactiveMaxWait, "interactiveMaxWait");
            requireNonNegative(backgroundMaxWait, "backgroundMaxWait");
            requireNonNegative(defaultRetryAfter, "defaultRetryAfter");
        }

        /** OFAuth's Starter plan: 60 per minute, burst 90; background keeps 30 tokens free, interactive 5. */
        public static RateLimit defaults() {
            return new RateLimit(
                    90,
                    60,
                    Duration.ofMinutes(1),
                    30,
                    5,
                    Duration.ofSeconds(30),
                    Duration.ofSeconds(10),
                    Duration.ofSeconds(60),
                    Duration.ofSeconds(2));
        }
    }

    /**
     * Retries of reads, PUT and DELETE (and of a create that provably never left): at most
     * {@code maxAttempts} attempts within {@code maxTotal}, backing off exponentially from
     * {@code initialBackoff} up to {@code maxBackoff}, with jitter.
     */
    public record Retry(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxTotal) {
        public Retry {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("maxAttempts must be at least 1");
            }
            requireNonNegative(initialBackoff, "initialBackoff");
            requireNonNegative(maxBackoff, "maxBackoff");
            requireNonNegative(maxTotal, "maxTotal");
        }

        public static Retry defaults() {
            return new Retry(4, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(30));
        }
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    private static void requireNonNegative(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
    }
}
