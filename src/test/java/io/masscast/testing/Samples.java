package io.masscast.testing;

import java.util.ArrayList;
import java.util.List;

/** Measured durations in nanoseconds, and their percentiles in milliseconds (nearest rank). */
public final class Samples {
    private final List<Long> nanos = new ArrayList<>();

    public synchronized void add(long durationNanos) {
        nanos.add(durationNanos);
    }

    public synchronized int size() {
        return nanos.size();
    }

    /** The {@code p}th percentile (0 < p ≤ 100) in milliseconds; NaN without samples. */
    public synchronized double percentileMs(double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)] / 1e6;
    }

    /** The median of per-round figures: what the report gives when rounds drift on a shared machine. */
    public static double median(List<Double> values) {
        double[] sorted =
                values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
