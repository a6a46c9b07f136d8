package io.masscast.core.abtest;

import io.masscast.core.model.AbTestParts;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.StatsFigures;
import java.math.BigDecimal;
import java.util.List;

/** An A/B test's numbers as the card and the digest judge them: each variant's messages added up. */
public final class TestResults {
    private TestResults() {}

    /** The variants in order (A, B, C), each with the figures OFAuth reported for its messages so far. */
    public static List<Comparison.Variant> variants(AbTestParts test) {
        return test.variants().stream().map(v -> totals(test, v)).toList();
    }

    /** Whether anything of the test can be bought: the verdict is then on conversion, else on the view rate. */
    public static boolean priced(AbTestParts test) {
        return test.campaigns().stream().anyMatch(c -> !c.content().isFree());
    }

    public static Comparison.Verdict verdict(AbTestParts test) {
        return Comparison.judge(variants(test), Comparison.metricFor(priced(test)));
    }

    private static Comparison.Variant totals(AbTestParts test, String variant) {
        long sent = 0;
        long viewed = 0;
        long bought = 0;
        BigDecimal revenue = BigDecimal.ZERO;
        for (AbTestParts.Member member : test.of(variant)) {
            StatsFigures f = member.stats().map(CampaignStats::figures).orElse(StatsFigures.NONE);
            sent += f.sent();
            viewed += f.viewed();
            bought += f.purchased();
            revenue = revenue.add(f.revenue());
        }
        return new Comparison.Variant(variant, sent, viewed, bought, revenue);
    }
}
