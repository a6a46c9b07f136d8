package io.masscast.core.abtest;

import io.masscast.core.model.AbTestParts;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.StatsFigures;
import java.math.BigDecimal;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

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

    /**
     * The verdict in {@code wording} on the variants that went out. A variant whose every message failed is left out
     * and named, so it never reads as "has not reached any fan yet"; with fewer than two left, nothing is compared.
     */
    public static String verdict(AbTestParts test, Function<Comparison.Verdict, String> wording) {
        List<String> failed = failedVariants(test);
        List<Comparison.Variant> compared =
                variants(test).stream().filter(v -> !failed.contains(v.label())).toList();
        if (failed.isEmpty()) {
            return wording.apply(Comparison.judge(compared, Comparison.metricFor(priced(test))));
        }
        String which = failed.stream()
                .map(v -> v + " ("
                        + test.of(v).stream().map(m -> m.campaign().humanId()).collect(Collectors.joining(", "))
                        + ")")
                .collect(Collectors.joining(" and "));
        String why = (failed.size() == 1 ? "Variant " : "Variants ") + which + " failed";
        if (compared.size() < 2) {
            return "No comparison: " + why + ", so " + compared.get(0).label() + " has nothing to compare with.";
        }
        return why + " and " + (failed.size() == 1 ? "is" : "are") + " left out. "
                + wording.apply(Comparison.judge(compared, Comparison.metricFor(priced(test))));
    }

    /** The variants every message of which failed: nothing of them went out. */
    public static List<String> failedVariants(AbTestParts test) {
        return test.variants().stream()
                .filter(v -> test.of(v).stream().allMatch(m -> m.campaign().state() == CampaignState.FAILED))
                .toList();
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
