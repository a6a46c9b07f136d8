package io.masscast.core.abtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The two-proportion z-test against values worked out by hand (and checked with Python's math.erfc). */
class ProportionTestTest {

    @Test
    void thirtyOfAThousandAgainstFiftyOfAThousand() {
        // p1 = 0.03, p2 = 0.05, pooled p = 80 / 2000 = 0.04
        // SE = sqrt(0.04 × 0.96 × (1/1000 + 1/1000)) = sqrt(0.0000768) = 0.0087635609
        // z = (0.03 − 0.05) / 0.0087635609 = −2.2821773; p = erfc(2.2821773 / √2) = 0.0224789
        ProportionTest test = new ProportionTest(30, 1000, 50, 1000);

        assertThat(test.rate1()).isEqualTo(0.03);
        assertThat(test.rate2()).isEqualTo(0.05);
        assertThat(test.pooled()).isEqualTo(0.04);
        assertThat(test.z()).isCloseTo(-2.2821773, within(1e-6));
        assertThat(test.pValue()).isCloseTo(0.0224789, within(1e-6));
        assertThat(test.largeEnough()).isTrue();
    }

    @Test
    void theSidesOfTheTestOnlyChangeTheSignOfZ() {
        ProportionTest test = new ProportionTest(50, 1000, 30, 1000);

        assertThat(test.z()).isCloseTo(2.2821773, within(1e-6));
        assertThat(test.pValue()).isCloseTo(0.0224789, within(1e-6));
    }

    @Test
    void unequalGroups() {
        // 60/1200 = 0.05 vs 20/1150 = 0.0173913; pooled 80/2350 = 0.0340426
        // SE = sqrt(0.0340426 × 0.9659574 × (1/1200 + 1/1150)) = 0.0074831; z = 0.0326087 / 0.0074831 = 4.3576162
        ProportionTest test = new ProportionTest(60, 1200, 20, 1150);

        assertThat(test.z()).isCloseTo(4.3576162, within(1e-6));
        assertThat(test.pValue()).isCloseTo(1.31487e-5, within(1e-9));
    }

    @Test
    void fewerThanFiveExpectedBuyersInAGroupIsNotLargeEnough() {
        // pooled 8/200 = 0.04: each group expects 100 × 0.04 = 4 buyers, under 5
        assertThat(new ProportionTest(2, 100, 6, 100).largeEnough()).isFalse();
        // 5/200 and 15/210: pooled 20/410, expected 9.76 and 10.24 buyers, 190 and 200 non-buyers
        assertThat(new ProportionTest(5, 200, 15, 210).largeEnough()).isTrue();
    }

    @Test
    void nothingToCompareWhenNobodyOrEverybodyBought() {
        assertThat(new ProportionTest(0, 500, 0, 400).z()).isZero();
        assertThat(new ProportionTest(500, 500, 400, 400).pValue()).isCloseTo(1.0, within(1e-6));
    }

    @Test
    void aGroupNeedsTrialsAndAtMostAsManySuccesses() {
        assertThatThrownBy(() -> new ProportionTest(1, 0, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProportionTest(11, 10, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ProportionTest(-1, 10, 1, 10)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theNormalTailMatchesKnownValues() {
        assertThat(Normal.twoSidedTail(0)).isCloseTo(1.0, within(1e-7));
        assertThat(Normal.twoSidedTail(1.959963984540054)).isCloseTo(0.05, within(1e-7));
        assertThat(Normal.twoSidedTail(-2.241402727604947)).isCloseTo(0.025, within(1e-7));
        assertThat(Normal.twoSidedTail(3.290526731491926)).isCloseTo(0.001, within(1e-8));
    }
}
