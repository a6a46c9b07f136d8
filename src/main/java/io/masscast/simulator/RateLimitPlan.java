package io.masscast.simulator;

/** OFAuth's Access API rate limit for each connection id. */
public sealed interface RateLimitPlan {

    /** Pay-as-you-go and Starter plans: a token bucket refilled at 60 a minute, bursts up to 90. */
    static RateLimitPlan standard() {
        return new TokenBucket(90, 60);
    }

    /** The Launch plan: no OFAuth limit, and no {@code X-RateLimit-*} headers. */
    static RateLimitPlan unlimited() {
        return new Unlimited();
    }

    record TokenBucket(int burst, int refillPerMinute) implements RateLimitPlan {
        public TokenBucket {
            if (burst < 1 || refillPerMinute < 1) {
                throw new IllegalArgumentException(
                        "burst and refill must be positive: " + burst + ", " + refillPerMinute);
            }
        }
    }

    record Unlimited() implements RateLimitPlan {}
}
