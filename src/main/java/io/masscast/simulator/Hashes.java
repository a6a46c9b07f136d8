package io.masscast.simulator;

/** Deterministic per-fan dice: the same seed, message and fan always give the same outcome. */
final class Hashes {
    private Hashes() {}

    /** SplitMix64's finaliser: spreads every input bit over the result. */
    static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    static long mix(long a, long b, long c) {
        return mix(mix(mix(a) ^ b) ^ c);
    }

    /** A uniform value in [0, 1) drawn from a hash. */
    static double unit(long hash) {
        return (hash >>> 11) * 0x1.0p-53;
    }
}
