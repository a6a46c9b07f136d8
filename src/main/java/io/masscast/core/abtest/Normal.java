package io.masscast.core.abtest;

/** The standard normal distribution's tails, for p-values. */
final class Normal {
    private Normal() {}

    /** P(|Z| >= |z|) for a standard normal Z: {@code erfc(|z| / sqrt 2)}. */
    static double twoSidedTail(double z) {
        return erfc(Math.abs(z) / Math.sqrt(2));
    }

    /**
     * The complementary error function for {@code x >= 0}, by the Chebyshev fit of Numerical Recipes (2nd ed.,
     * section 6.2, {@code erfcc}): its relative error is below 1.2e-7 everywhere, ample for p-values shown to three
     * digits. (Decisions compare z with a critical value, so they never rest on this approximation.)
     */
    static double erfc(double x) {
        double t = 1 / (1 + 0.5 * x);
        double poly = -x * x
                - 1.26551223
                + t
                        * (1.00002368
                                + t
                                        * (0.37409196
                                                + t
                                                        * (0.09678418
                                                                + t
                                                                        * (-0.18628806
                                                                                + t
                                                                                        * (0.27886807
                                                                                                + t
                                                                                                        * (-1.13520398
                                                                                                                + t
                                                                                                                        * (1.48851587
                                                                                                                                + t
                                                                                                                                        * (-0.82215223
                                                                                                                                                + t
                                                                                                                                                        * 0.17087277))))))));
        return t * Math.exp(poly);
    }
}
