package io.masscast.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of one simulator instance. Start from {@link #defaults()} and change what a test needs.
 *
 * @param port                    TCP port on 127.0.0.1; 0 picks a free one
 * @param seed                    makes fans, lists, vault, history and purchases reproducible
 * @param fansPerConnection       size of each creator's fan population
 * @param rateLimit               Access API bucket per connection id
 * @param sendRetryAfter          add {@code Retry-After} (seconds) to 429s; OFAuth does not document it
 * @param unsendWindow            how long after sending a mass message can still be unsent
 * @param rejectPriceBelowMinimum reject {@code 0 < price < 3} (OnlyFans' PPV minimum) with 400
 * @param errorBodyStyle          fields of error bodies
 * @param deliveryDuration        how long an immediate send takes to reach its whole audience
 * @param purchaseWindow          purchases of a PPV arrive within this time after delivery
 * @param extraConnections        more creators with all permissions beside the three seeded ones, {@code conn_demo3},
 *                                {@code conn_demo4}, ... (benchmarks that spread load over many connections)
 */
public record SimulatorConfig(
        int port,
        long seed,
        int fansPerConnection,
        RateLimitPlan rateLimit,
        boolean sendRetryAfter,
        Duration unsendWindow,
        boolean rejectPriceBelowMinimum,
        ErrorBodyStyle errorBodyStyle,
        Duration deliveryDuration,
        Duration purchaseWindow,
        int extraConnections) {

    public SimulatorConfig {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (fansPerConnection < 1 || fansPerConnection > 200_000) {
            throw new IllegalArgumentException("fansPerConnection must be 1..200000: " + fansPerConnection);
        }
        Objects.requireNonNull(rateLimit, "rateLimit");
        Objects.requireNonNull(errorBodyStyle, "errorBodyStyle");
        requirePositive(unsendWindow, "unsendWindow");
        requirePositive(purchaseWindow, "purchaseWindow");
        if (extraConnections < 0 || extraConnections > MAX_EXTRA_CONNECTIONS) {
            throw new IllegalArgumentException(
                    "extraConnections must be 0.." + MAX_EXTRA_CONNECTIONS + ": " + extraConnections);
        }
        if (deliveryDuration.isNegative()) {
            throw new IllegalArgumentException("deliveryDuration must not be negative: " + deliveryDuration);
        }
    }

    public static final int MAX_EXTRA_CONNECTIONS = 200;

    public static SimulatorConfig defaults() {
        return new SimulatorConfig(
                0,
                42,
                2_500,
                RateLimitPlan.standard(),
                true,
                Duration.ofMinutes(10),
                true,
                ErrorBodyStyle.OFAUTH,
                Duration.ofSeconds(5),
                Duration.ofMinutes(5),
                0);
    }

    public SimulatorConfig withPort(int port) {
        return new SimulatorConfig(
                port,
                seed,
                fansPerConnection,
                rateLimit,
                sendRetryAfter,
                unsendWindow,
                rejectPriceBelowMinimum,
                errorBodyStyle,
                deliveryDuration,
                purchaseWindow,
                extraConnections);
    }

    public SimulatorConfig withSeed(long seed) {
        return new SimulatorConfig(
                port,
                seed,
                fansPerConnection,
                rateLimit,
                sendRetryAfter,
                unsendWindow,
                rejectPriceBelowMinimum,
                errorBodyStyle,
                deliveryDuration,
                purchaseWindow,
                extraConnections);
    }

    public SimulatorConfig withFansPerConnection(int fansPerConnection) {
        return new SimulatorConfig(
                port,
                seed,
                fansPerConnection,
                rateLimit,
                sendRetryAfter,
                unsendWindow,
                rejectPriceBelowMinimum,
                errorBodyStyle,
                deliveryDuration,
                purchaseWindow,
                extraConnections);
    }

    public SimulatorConfig withRateLimit(RateLimitPlan rateLimit) {
        return new SimulatorConfig(
                port,
                seed,
                fansPerConnection,
                rateLimit,
                sendRetryAfter,
                unsendWindow,
                rejectPriceBelowMinimum,
                errorBodyStyle,
                deliveryDuration,
                purchaseWindow,
                extraConnections);
    }

    public SimulatorConfig withSendRetryAfter(boolean sendRetryAfter) {
        return new SimulatorConfig(
                port,
                seed,
                fansPerConnection,
                rateLimit,
                sendRetryAfter,
                unsendWindow,
                rejectPriceBelowMinimum,
                errorBodyStyle,
                deliveryDuration,
                purchaseWindow,
                extraConnections);
    }

    public SimulatorConfig withUnsendWindow(Duration unsendWindow) {
        return new SimulatorConfig(
                port,
                seed,
                fansPerConnection,
                rateLimit,
                sendRetryAfter,
                unsendWindow,
                rejectPriceBelowMinimum,
                errorBodyStyle,
                deliveryDuration,
                purchaseWindow,
                extraConnections);
    }

    public SimulatorConfig withRejectPriceBelowMinimum(boolean rejectPriceBelowMinimum) {
        return new SimulatorConfig(
                port,
                seed,
                fansPerConnection,
                rateLimit,
                sendRetryAfter,
                unsendWindow,
                rejectPriceBelowMinimum,
                errorBodyStyle,
                deliveryDuration,
                purchaseWindow,
                extraConnections);
    }

    public SimulatorConfig withErrorBodyStyle(ErrorBodyStyle errorBodyStyle) {
        return new SimulatorConfig(
                port,
                seed,
                fansPerConnection,
                rateLimit,
                sendRetryAfter,
                unsendWindow,
                rejectPriceBelowMinimum,
                errorBodyStyle,
                deliveryDuration,
                purchaseWindow,
                extraConnections);
    }

    public SimulatorConfig withDeliveryDuration(Duration deliveryDuration) {
        return new SimulatorConfig(
                port,
                seed,
                fansPerConnection,
                rateLimit,
                sendRetryAfter,
                unsendWindow,
                rejectPriceBelowMinimum,
                errorBodyStyle,
                deliveryDuration,
                purchaseWindow,
                extraConnections);
    }

    public SimulatorConfig withPurchaseWindow(Duration purchaseWindow) {
        return new SimulatorConfig(
                port,
                seed,
                fansPerConnection,
                rateLimit,
                sendRetryAfter,
                unsendWindow,
                rejectPriceBelowMinimum,
                errorBodyStyle,
                deliveryDuration,
                purchaseWindow,
                extraConnections);
    }

    public SimulatorConfig withExtraConnections(int extraConnections) {
        return new SimulatorConfig(
                port,
                seed,
                fansPerConnection,
                rateLimit,
                sendRetryAfter,
                unsendWindow,
                rejectPriceBelowMinimum,
                errorBodyStyle,
                deliveryDuration,
                purchaseWindow,
                extraConnections);
    }

    private static void requirePositive(Duration value, String name) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive: " + value);
        }
    }
}
