package io.masscast.core.digest;

import io.masscast.core.model.Binding;
import io.masscast.core.model.RevenueChart;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A channel's results at one moment, as the stored snapshots tell them: a summary per period, the campaigns that
 * need someone (waiting for approval, in doubt, failed lately), the A/B tests that finished in the longest period or
 * are still running, and the revenue chart of the last 14 days.
 *
 * @param title what the digest is (the daily digest, or one somebody asked for)
 */
public record Digest(
        String title,
        Binding binding,
        Instant at,
        List<Period> periods,
        Attention attention,
        List<AbTestResult> tests,
        RevenueChart chart) {

    /** Where a period's revenue figure comes from. */
    public enum RevenueSource {
        /** No campaign of the period has revenue yet. */
        NONE,
        /** OFAuth reported the amounts. */
        REPORTED,
        /** OFAuth reported no amount: purchases × price. */
        COMPUTED,
        /** Some amounts reported by OFAuth, the others purchases × price. */
        MIXED
    }

    /** The campaign of a period with the most revenue, and a link to its card where the platform has one. */
    public record BestCampaign(long campaignId, String humanId, BigDecimal revenue, Optional<String> cardLink) {
        public BestCampaign {
            Objects.requireNonNull(humanId, "humanId");
            Objects.requireNonNull(revenue, "revenue");
            Objects.requireNonNull(cardLink, "cardLink");
        }
    }

    /**
     * The campaigns sent in a period and their results so far (as of the digest's moment).
     *
     * @param campaigns how many campaigns went out in the period
     * @param sent      messages those campaigns delivered
     */
    public record Period(
            DigestPeriod period,
            int campaigns,
            long sent,
            long viewed,
            long bought,
            BigDecimal revenue,
            RevenueSource revenueSource,
            Optional<BestCampaign> best) {
        public Period {
            Objects.requireNonNull(period, "period");
            Objects.requireNonNull(revenue, "revenue");
            Objects.requireNonNull(revenueSource, "revenueSource");
            Objects.requireNonNull(best, "best");
        }
    }

    /** Campaigns that need a person, by human id, newest first. */
    public record Attention(
            List<String> awaitingApproval, List<String> inDoubt, List<String> failed, DigestPeriod failedWithin) {
        public Attention {
            awaitingApproval = List.copyOf(awaitingApproval);
            inDoubt = List.copyOf(inDoubt);
            failed = List.copyOf(failed);
            Objects.requireNonNull(failedWithin, "failedWithin");
        }
    }

    /**
     * An A/B test of the channel and its verdict as of the digest's moment.
     *
     * @param humanId      the test's name: its lead campaign (variant A's first message)
     * @param finished     every message of it went out (or never will) and masscast stopped following its results
     * @param numbersFinal when masscast stops (or stopped) following the results of its last message
     * @param verdict      in brief: whether it has a winner, on the variants that went out
     */
    public record AbTestResult(
            String humanId,
            int variants,
            boolean finished,
            Instant numbersFinal,
            String verdict,
            Optional<String> cardLink) {
        public AbTestResult {
            Objects.requireNonNull(humanId, "humanId");
            Objects.requireNonNull(numbersFinal, "numbersFinal");
            Objects.requireNonNull(verdict, "verdict");
            Objects.requireNonNull(cardLink, "cardLink");
        }
    }

    public Digest {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(binding, "binding");
        Objects.requireNonNull(at, "at");
        periods = List.copyOf(periods);
        if (periods.isEmpty()) {
            throw new IllegalArgumentException("a digest reports at least one period");
        }
        Objects.requireNonNull(attention, "attention");
        tests = List.copyOf(tests);
        Objects.requireNonNull(chart, "chart");
    }
}
