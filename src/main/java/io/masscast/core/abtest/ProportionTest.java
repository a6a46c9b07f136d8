package io.masscast.core.abtest;

/**
 * The two-proportion z-test (pooled, two-sided): could two observed rates, {@code successes1 / trials1} and
 * {@code successes2 / trials2}, come from the same underlying rate? Under that hypothesis both groups share the
 * pooled rate {@code p = (x1 + x2) / (n1 + n2)}, the difference of the rates has the standard error
 * {@code sqrt(p (1 - p) (1/n1 + 1/n2))}, and {@code z} is the difference in standard errors. The normal
 * approximation behind it holds once each group expects at least {@value #MIN_EXPECTED} successes and failures
 * at the pooled rate ({@link #largeEnough}).
 */
public record ProportionTest(long successes1, long trials1, long successes2, long trials2) {
    /** Expected successes and failures per group, at the pooled rate, for the normal approximation to hold. */
    public static final int MIN_EXPECTED = 5;

    public ProportionTest {
        check(successes1, trials1);
        check(successes2, trials2);
    }

    private static void check(long successes, long trials) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("a group needs 1 or more trials and 0 to trials successes");
        }
    }

    public double rate1() {
        return (double) successes1 / trials1;
    }

    public double rate2() {
        return (double) successes2 / trials2;
    }

    /** The rate both groups would share if they did not differ. */
    public double pooled() {
        return (double) (successes1 + successes2) / (trials1 + trials2);
    }

    /** The difference of the rates in standard errors; 0 when nothing varies at all (no successes, or all). */
    public double z() {
        double p = pooled();
        double variance = p * (1 - p) * (1.0 / trials1 + 1.0 / trials2);
        return variance == 0 ? 0 : (rate1() - rate2()) / Math.sqrt(variance);
    }

    /** The chance of a difference at least this large (either way) if the two rates were the same. */
    public double pValue() {
        return Normal.twoSidedTail(z());
    }

    /** Whether each group expects enough successes and failures at the pooled rate for the test to mean something. */
    public boolean largeEnough() {
        double p = pooled();
        return expectedEnough(trials1, p) && expectedEnough(trials2, p);
    }

    private static boolean expectedEnough(long trials, double rate) {
        return trials * rate >= MIN_EXPECTED && trials * (1 - rate) >= MIN_EXPECTED;
    }
}
