package io.masscast.core.abtest;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A verdict as the channel reads it: who leads or wins, by how much, the test's numbers (z, p, the sample sizes)
 * and the significance it was judged at, so nobody mistakes an early lead for a result.
 *
 * <pre>
 * B wins on conversion: 2.28 % vs 1.09 % for A (z = 2.16, p = 0.031 &lt; 0.05; two-proportion z-test, n = 1,096 and 1,096)
 * Too early to tell: B leads on conversion, 1.80 % vs 1.40 % for A, but p = 0.37: that could be chance (a winner needs p &lt; 0.05; ...)
 * </pre>
 */
public final class VerdictText {
    private static final String TEST = "two-proportion z-test";

    private VerdictText() {}

    public static String of(Comparison.Verdict verdict) {
        return of(verdict, false);
    }

    /**
     * The verdict, worded for a test still followed or, once its numbers are final ({@code finished}), as an outcome:
     * "No clear winner" instead of "Too early to tell".
     */
    public static String of(Comparison.Verdict verdict, boolean finished) {
        String metric = verdict.metric().label();
        String open = finished ? "No clear winner: " : "Too early to tell: ";
        if (verdict instanceof Comparison.Waiting waiting) {
            return open + "variant " + waiting.label()
                    + (finished ? " reached no fan" : " has not reached any fan yet") + " (a winner needs p < "
                    + p(Comparison.SIGNIFICANCE) + " in a " + TEST + " on " + metric + ").";
        }
        if (verdict instanceof Comparison.TooFew few) {
            long successes = few.variants().stream()
                    .mapToLong(v -> v.successes(verdict.metric()))
                    .sum();
            String what = verdict.metric() == Comparison.Metric.CONVERSION ? "bought" : "viewed";
            return open + count(successes) + " " + what + (finished ? " in all" : " so far") + "; the " + TEST
                    + " on " + metric + " needs at least " + ProportionTest.MIN_EXPECTED + " expected "
                    + (verdict.metric() == Comparison.Metric.CONVERSION ? "buyers" : "viewers")
                    + " per variant before it can call a winner at p < "
                    + p(Comparison.SIGNIFICANCE) + " (" + sizes(few.variants()) + ").";
        }
        if (verdict instanceof Comparison.NotSignificant weak) {
            Comparison.Pair weakest = weak.weakest();
            return open + weakest.leader().label() + (finished ? " led on " : " leads on ") + metric + ", "
                    + percent(weakest.test().rate1()) + " vs "
                    + percent(weakest.test().rate2()) + " for "
                    + weakest.other().label() + ", but " + pIs(weakest.test().pValue()) + ": that could be chance "
                    + "(a winner needs p < " + p(weak.needed())
                    + shared(weak.variants().size()) + "; " + TEST + ", "
                    + sizes(weak.variants()) + ").";
        }
        Comparison.Winner winner = (Comparison.Winner) verdict;
        Comparison.Variant leader = winner.leader();
        boolean several = winner.pairs().size() > 1;
        String others = winner.pairs().stream()
                .map(pair ->
                        percent(pair.test().rate2()) + " for " + pair.other().label())
                .collect(Collectors.joining(" and "));
        String tests = winner.pairs().stream()
                .map(pair -> (several ? "vs " + pair.other().label() + ": " : "") + "z = "
                        + decimal(Math.abs(pair.test().z())) + ", "
                        + pIs(pair.test().pValue()))
                .collect(Collectors.joining("; "));
        return leader.label() + " wins on " + metric + ": " + percent(leader.rate(verdict.metric())) + " vs " + others
                + " (" + tests + (several ? "; each" : "") + " < " + p(winner.needed())
                + shared(winner.variants().size())
                + "; " + TEST + ", " + sizes(winner.variants()) + ").";
    }

    /**
     * A verdict in one line, for a digest that lists several tests: who wins or leads, the rates and the p-value.
     * A finished test (its numbers final) has a winner or none; a running one may still get one.
     *
     * <pre>
     * B wins on conversion: 2.28 % vs 1.09 % for A (p = 0.031 &lt; 0.05)
     * No clear winner: B led on conversion, 1.80 % vs 1.40 % for A, but p = 0.37 (a winner needs p &lt; 0.05)
     * Too early to tell: 7 bought so far (n = 300 and 300)
     * </pre>
     */
    public static String brief(Comparison.Verdict verdict, boolean finished) {
        String metric = verdict.metric().label();
        String open = finished ? "No clear winner: " : "Too early to tell: ";
        if (verdict instanceof Comparison.Waiting waiting) {
            return open + "variant " + waiting.label()
                    + (finished ? " reached no fan" : " has not reached any fan yet");
        }
        if (verdict instanceof Comparison.TooFew few) {
            long successes = few.variants().stream()
                    .mapToLong(v -> v.successes(verdict.metric()))
                    .sum();
            String what = verdict.metric() == Comparison.Metric.CONVERSION ? "bought" : "viewed";
            return open
                    + (finished
                            ? "too few " + what + " to judge (" + count(successes) + " in all; "
                            : count(successes) + " " + what + " so far (")
                    + sizes(few.variants()) + ")";
        }
        if (verdict instanceof Comparison.NotSignificant weak) {
            Comparison.Pair pair = weak.weakest();
            return open + pair.leader().label() + (finished ? " led on " : " leads on ") + metric + ", "
                    + percent(pair.test().rate1()) + " vs "
                    + percent(pair.test().rate2()) + " for "
                    + pair.other().label() + ", but " + pIs(pair.test().pValue()) + " (a winner needs p < "
                    + p(weak.needed()) + ")";
        }
        Comparison.Winner winner = (Comparison.Winner) verdict;
        String others = winner.pairs().stream()
                .map(pair ->
                        percent(pair.test().rate2()) + " for " + pair.other().label())
                .collect(Collectors.joining(" and "));
        double weakest = winner.pairs().stream()
                .mapToDouble(pair -> pair.test().pValue())
                .max()
                .orElseThrow();
        return winner.leader().label() + " wins on " + metric + ": "
                + percent(winner.leader().rate(verdict.metric())) + " vs " + others + " ("
                + (winner.pairs().size() > 1 ? "each " + pIs(weakest).replace("p = ", "p ≤ ") : pIs(weakest))
                + " < " + p(winner.needed()) + ")";
    }

    /** {@code ", 0.05 shared by 2 comparisons"} when there are three variants. */
    private static String shared(int variants) {
        return variants > 2 ? ", " + p(Comparison.SIGNIFICANCE) + " shared by " + (variants - 1) + " comparisons" : "";
    }

    private static String sizes(List<Comparison.Variant> variants) {
        List<String> counts = variants.stream().map(v -> count(v.sent())).toList();
        return "n = "
                + (counts.size() == 2
                        ? counts.get(0) + " and " + counts.get(1)
                        : String.join(", ", counts.subList(0, counts.size() - 1)) + " and "
                                + counts.get(counts.size() - 1));
    }

    /** A rate as the card writes it: {@code 2.28 %} (two decimals, as conversions are small), {@code 43.7 %} from 10 %. */
    public static String percent(double rate) {
        double percent = 100 * rate;
        return String.format(Locale.US, percent >= 10 ? "%.1f %%" : "%.2f %%", percent);
    }

    /** {@code p = 0.031}, {@code p = 0.0004}, {@code p < 0.0001}. */
    static String pIs(double value) {
        return value < 0.0001 ? "p < 0.0001" : "p = " + p(value);
    }

    /** {@code 0.05}, {@code 0.031}, {@code 0.0004}. */
    static String p(double value) {
        return value >= 0.01
                ? String.format(Locale.US, "%.3f", value).replaceAll("0+$", "").replaceAll("\\.$", "")
                : String.format(Locale.US, "%.4f", value);
    }

    private static String decimal(double value) {
        return String.format(Locale.US, "%.2f", value);
    }

    private static String count(long value) {
        return String.format(Locale.US, "%,d", value);
    }
}
