package io.masscast.core.abtest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the variants of an A/B test differ, judged honestly from the numbers so far. The leader (the best rate)
 * is compared with every other variant by a {@link ProportionTest}; it wins only if each difference is significant
 * at {@value #SIGNIFICANCE}, shared between the comparisons (Bonferroni: 0.025 each with three variants), and only
 * once each comparison has enough expected buyers for the test to hold. Until then it is too early to tell.
 *
 * <p>The rate is the conversion (bought ÷ sent) when any variant has a price; a test of free messages compares the
 * view rate (viewed ÷ sent) instead, since nothing can be bought.
 */
public final class Comparison {
    /** The chance of calling a winner where there is no difference that the verdict accepts. */
    public static final double SIGNIFICANCE = 0.05;
    /** |z| needed for {@link #SIGNIFICANCE}, two-sided, shared by one or by two comparisons: Φ⁻¹(1 − 0.05/2), Φ⁻¹(1 − 0.025/2). */
    private static final double[] CRITICAL_Z = {1.959963984540054, 2.241402727604947};

    public static final int MAX_VARIANTS = CRITICAL_Z.length + 1;

    private Comparison() {}

    /** What the rate counts. */
    public enum Metric {
        CONVERSION("conversion"),
        VIEW_RATE("view rate");

        private final String label;

        Metric(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One variant's results: fans it reached, who viewed it, who bought it, what it earned. */
    public record Variant(String label, long sent, long viewed, long bought, BigDecimal revenue) {
        public Variant {
            Objects.requireNonNull(label, "label");
            if (sent < 0 || viewed < 0 || bought < 0) {
                throw new IllegalArgumentException("counts must not be negative");
            }
            Objects.requireNonNull(revenue, "revenue");
        }

        public long successes(Metric metric) {
            return metric == Metric.CONVERSION ? bought : viewed;
        }

        /** The rate, 0 before anything was sent. */
        public double rate(Metric metric) {
            return sent == 0 ? 0 : (double) Math.min(successes(metric), sent) / sent;
        }

        /** Revenue ÷ fans reached, empty before anything was sent. */
        public Optional<BigDecimal> revenuePerRecipient() {
            return sent == 0
                    ? Optional.empty()
                    : Optional.of(revenue.divide(BigDecimal.valueOf(sent), MathContext.DECIMAL64));
        }
    }

    /** The leader against one other variant. */
    public record Pair(Variant leader, Variant other, ProportionTest test) {}

    /** What the numbers say. */
    public sealed interface Verdict permits Waiting, TooFew, NotSignificant, Winner {
        Metric metric();
    }

    /** A variant has not reached any fan yet. */
    public record Waiting(Metric metric, String label) implements Verdict {}

    /** Too few buyers (or viewers) so far for the test to mean anything (see {@link ProportionTest#largeEnough}). */
    public record TooFew(Metric metric, List<Variant> variants) implements Verdict {
        public TooFew {
            variants = List.copyOf(variants);
        }
    }

    /** The leader's lead could still be chance: {@code weakest} is its comparison with the largest p-value. */
    public record NotSignificant(Metric metric, List<Variant> variants, Pair weakest, double needed)
            implements Verdict {
        public NotSignificant {
            variants = List.copyOf(variants);
        }
    }

    /** The leader beats every other variant significantly. */
    public record Winner(Metric metric, List<Variant> variants, List<Pair> pairs, double needed) implements Verdict {
        public Winner {
            variants = List.copyOf(variants);
            pairs = List.copyOf(pairs);
        }

        public Variant leader() {
            return pairs.get(0).leader();
        }
    }

    /** The metric a test is judged on: conversion if anything can be bought, else the view rate. */
    public static Metric metricFor(boolean anyPriced) {
        return anyPriced ? Metric.CONVERSION : Metric.VIEW_RATE;
    }

    /** The verdict on two or three variants, in their order (A, B, C). */
    @SuppressWarnings("ReferenceEquality")
    public static Verdict judge(List<Variant> variants, Metric metric) {
        if (variants.size() < 2 || variants.size() > MAX_VARIANTS) {
            throw new IllegalArgumentException("an A/B test has 2 to " + MAX_VARIANTS + " variants");
        }
        for (Variant variant : variants) {
            if (variant.sent() == 0) {
                return new Waiting(metric, variant.label());
            }
        }
        // the first of equal rates leads: a tie then shows as a difference of zero, never as a winner
        Variant leader = variants.stream()
                .max(Comparator.comparingDouble((Variant v) -> v.rate(metric)).thenComparing(v -> -variants.indexOf(v)))
                .orElseThrow();
        List<Pair> pairs = variants.stream()
                .filter(v -> v != leader) // identity: an equal variant is still another one
                .map(other -> new Pair(
                        leader,
                        other,
                        new ProportionTest(
                                Math.min(leader.successes(metric), leader.sent()),
                                leader.sent(),
                                Math.min(other.successes(metric), other.sent()),
                                other.sent())))
                .toList();
        if (pairs.stream().anyMatch(pair -> !pair.test().largeEnough())) {
            return new TooFew(metric, variants);
        }
        double needed = SIGNIFICANCE / pairs.size();
        double critical = CRITICAL_Z[pairs.size() - 1];
        boolean wins = pairs.stream()
                .allMatch(pair -> pair.test().rate1() > pair.test().rate2()
                        && Math.abs(pair.test().z()) >= critical);
        if (wins) {
            return new Winner(metric, variants, pairs, needed);
        }
        Pair weakest = pairs.stream()
                .max(Comparator.comparingDouble(pair -> pair.test().pValue()))
                .orElseThrow();
        return new NotSignificant(metric, variants, weakest, needed);
    }
}
