package io.masscast.core.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The verdict on an A/B test, and how the channel reads it, from numbers worked out by hand. */
class ComparisonTest {

    private static Comparison.Variant variant(String label, long sent, long bought) {
        return new Comparison.Variant(label, sent, sent / 2, bought, BigDecimal.valueOf(bought * 10));
    }

    @Test
    void aSignificantDifferenceBetweenTwoVariantsNamesTheWinner() {
        Comparison.Verdict verdict =
                Comparison.judge(List.of(variant("A", 1000, 30), variant("B", 1000, 50)), Comparison.Metric.CONVERSION);

        assertThat(verdict).isInstanceOfSatisfying(Comparison.Winner.class, winner -> {
            assertThat(winner.leader().label()).isEqualTo("B");
            assertThat(winner.pairs()).singleElement().satisfies(pair -> {
                assertThat(pair.other().label()).isEqualTo("A");
                assertThat(pair.test().z()).isCloseTo(2.2821773, within(1e-6));
            });
            assertThat(winner.needed()).isEqualTo(0.05);
        });
        assertThat(VerdictText.of(verdict))
                .isEqualTo("B wins on conversion: 5.00 % vs 3.00 % for A (z = 2.28, p = 0.022"
                        + " < 0.05; two-proportion z-test, n = 1,000 and 1,000).");
    }

    @Test
    void aLeadThatCouldBeChanceIsTooEarlyToTell() {
        // 26/1000 vs 20/1000: pooled 0.023, SE = sqrt(0.023 × 0.977 × 0.002) = 0.0067037, z = 0.006 / 0.0067037 = 0.895
        Comparison.Verdict verdict =
                Comparison.judge(List.of(variant("A", 1000, 20), variant("B", 1000, 26)), Comparison.Metric.CONVERSION);

        assertThat(verdict).isInstanceOf(Comparison.NotSignificant.class);
        assertThat(VerdictText.of(verdict))
                .isEqualTo(
                        "Too early to tell: B leads on conversion, 2.60 % vs 2.00 % for A,"
                                + " but p = 0.371: that could be chance (a winner needs p < 0.05; two-proportion z-test, n = 1,000 and 1,000).");
    }

    @Test
    void tooFewBuyersForTheTestIsTooEarlyToTellEvenWithABigGap() {
        // pooled 8/200 = 0.04: 4 expected buyers per variant, the approximation needs 5
        Comparison.Verdict verdict =
                Comparison.judge(List.of(variant("A", 100, 2), variant("B", 100, 6)), Comparison.Metric.CONVERSION);

        assertThat(verdict).isInstanceOf(Comparison.TooFew.class);
        assertThat(VerdictText.of(verdict))
                .isEqualTo("Too early to tell: 8 bought so far; the two-proportion z-test on"
                        + " conversion needs at least 5 expected buyers per variant before it can call a winner at p < 0.05"
                        + " (n = 100 and 100).");
    }

    @Test
    void beforeAVariantReachedAnyFanItIsTooEarlyToTell() {
        Comparison.Verdict verdict =
                Comparison.judge(List.of(variant("A", 1000, 30), variant("B", 0, 0)), Comparison.Metric.CONVERSION);

        assertThat(VerdictText.of(verdict))
                .isEqualTo("Too early to tell: variant B has not reached any fan yet"
                        + " (a winner needs p < 0.05 in a two-proportion z-test on conversion).");
    }

    @Test
    void withThreeVariantsTheLeaderMustBeatBothAtHalfTheSignificance() {
        // A 40/1200 vs B 20/1150: z = 2.4492 (p = 0.0143) clears 2.2414; A vs C 26/1150: z = 1.5730 (p = 0.1157) does
        // not
        Comparison.Verdict open = Comparison.judge(
                List.of(variant("A", 1200, 40), variant("B", 1150, 20), variant("C", 1150, 26)),
                Comparison.Metric.CONVERSION);

        assertThat(open).isInstanceOfSatisfying(Comparison.NotSignificant.class, verdict -> {
            assertThat(verdict.weakest().other().label()).isEqualTo("C");
            assertThat(verdict.needed()).isEqualTo(0.025);
        });
        assertThat(VerdictText.of(open))
                .contains("A leads on conversion, 3.33 % vs 2.26 % for C, but p = 0.116")
                .contains("a winner needs p < 0.025, 0.05 shared by 2 comparisons");

        // A 60/1200: vs B z = 4.3576 (p = 1.3e-5), vs C 26/1150 z = 3.5351 (p = 0.00041); both clear 2.2414
        Comparison.Verdict won = Comparison.judge(
                List.of(variant("A", 1200, 60), variant("B", 1150, 20), variant("C", 1150, 26)),
                Comparison.Metric.CONVERSION);

        assertThat(VerdictText.of(won))
                .isEqualTo("A wins on conversion: 5.00 % vs 1.74 % for B and 2.26 % for C"
                        + " (vs B: z = 4.36, p < 0.0001; vs C: z = 3.54, p = 0.0004; each < 0.025, 0.05 shared by 2 comparisons;"
                        + " two-proportion z-test, n = 1,200, 1,150 and 1,150).");
    }

    @Test
    void theDigestsBriefVerdictSaysWhetherAFinishedTestHasAWinner() {
        Comparison.Verdict two =
                Comparison.judge(List.of(variant("A", 1000, 30), variant("B", 1000, 50)), Comparison.Metric.CONVERSION);
        Comparison.Verdict chance =
                Comparison.judge(List.of(variant("A", 1000, 20), variant("B", 1000, 26)), Comparison.Metric.CONVERSION);
        Comparison.Verdict few =
                Comparison.judge(List.of(variant("A", 100, 2), variant("B", 100, 6)), Comparison.Metric.CONVERSION);
        Comparison.Verdict unreached =
                Comparison.judge(List.of(variant("A", 1000, 30), variant("B", 0, 0)), Comparison.Metric.CONVERSION);
        // the three-variant case above: the weaker comparison, vs C, has p = 0.00041
        Comparison.Verdict three = Comparison.judge(
                List.of(variant("A", 1200, 60), variant("B", 1150, 20), variant("C", 1150, 26)),
                Comparison.Metric.CONVERSION);

        assertThat(VerdictText.brief(two, true))
                .isEqualTo("B wins on conversion: 5.00 % vs 3.00 % for A (p = 0.022 < 0.05)");
        assertThat(VerdictText.brief(chance, true))
                .isEqualTo("No clear winner: B led on conversion, 2.60 % vs 2.00 % for A, but p = 0.371"
                        + " (a winner needs p < 0.05)");
        assertThat(VerdictText.brief(chance, false))
                .isEqualTo("Too early to tell: B leads on conversion, 2.60 % vs 2.00 % for A, but p = 0.371"
                        + " (a winner needs p < 0.05)");
        assertThat(VerdictText.brief(few, true))
                .isEqualTo("No clear winner: too few bought to judge (8 in all; n = 100 and 100)");
        assertThat(VerdictText.brief(few, false)).isEqualTo("Too early to tell: 8 bought so far (n = 100 and 100)");
        assertThat(VerdictText.brief(unreached, true)).isEqualTo("No clear winner: variant B reached no fan");
        assertThat(VerdictText.brief(three, true))
                .isEqualTo("A wins on conversion: 5.00 % vs 1.74 % for B and 2.26 % for C (each p ≤ 0.0004 < 0.025)");
    }

    @Test
    void equalRatesNeverMakeAWinner() {
        Comparison.Verdict verdict =
                Comparison.judge(List.of(variant("A", 1000, 40), variant("B", 1000, 40)), Comparison.Metric.CONVERSION);

        assertThat(verdict)
                .isInstanceOfSatisfying(
                        Comparison.NotSignificant.class,
                        open -> assertThat(open.weakest().test().z()).isZero());
    }

    @Test
    void freeMessagesAreComparedOnTheirViewRate() {
        Comparison.Variant a = new Comparison.Variant("A", 1000, 300, 0, BigDecimal.ZERO);
        Comparison.Variant b = new Comparison.Variant("B", 1000, 400, 0, BigDecimal.ZERO);

        Comparison.Verdict verdict = Comparison.judge(List.of(a, b), Comparison.metricFor(false));

        assertThat(VerdictText.of(verdict)).startsWith("B wins on view rate: 40.0 % vs 30.0 % for A");
    }

    @Test
    void revenuePerRecipientIsRevenueOverFansReached() {
        Comparison.Variant a = new Comparison.Variant("A", 1096, 480, 12, new BigDecimal("150.00"));

        assertThat(a.revenuePerRecipient())
                .hasValueSatisfying(value -> assertThat(value.doubleValue()).isCloseTo(150.0 / 1096, within(1e-12)));
        assertThat(new Comparison.Variant("B", 0, 0, 0, BigDecimal.ZERO).revenuePerRecipient())
                .isEmpty();
    }
}
