package io.masscast.app;

import static io.masscast.app.Pipeline.ALICE;

import io.masscast.core.command.ActionId;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.Fan;
import io.masscast.core.model.Page;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthGateway;
import io.masscast.jobs.Job;
import io.masscast.simulator.RecordedRequest;
import io.masscast.testing.BenchReport;
import io.masscast.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The poller's economy, measured on the OFAuth simulator (not a test: it prints figures). For 100, 500 and
 * 2,000 followed campaigns of one creator, 5 % of them PPVs still selling: the OFAuth calls one poll cycle
 * spends, beside a naive poller that reads each campaign and all its buyers, and beside the floor (one
 * analytics page per 100 campaigns plus one buyers page per 20 new buyers). Then a full cycle for 50 followed
 * campaigns against the connection's rate budget (60 calls a minute). Every figure is a count of the requests
 * the simulator received. Figure 7 of BENCHMARKS.md.
 */
public final class PollerEconomyBenchmark {
    private static final Actor BOB = Actor.of("bob", "Bob");
    private static final double SELLING_SHARE = 0.05;
    private static final int ANALYTICS_PAGE = 100;
    private static final int BUYER_PAGE = 20;
    private static final int RATE_PER_MINUTE = 60;

    private final BenchReport report;

    private PollerEconomyBenchmark(BenchReport report) {
        this.report = report;
    }

    public static void main(String[] args) throws Exception {
        BenchReport report = BenchReport.forArgs(args, "poller-economy");
        PollerEconomyBenchmark bench = new PollerEconomyBenchmark(report);
        report.comment("Figure 7: the poller's economy");
        report.machine();
        for (int tracked : new int[] {100, 500, 2_000}) {
            bench.economy(tracked);
        }
        bench.budget(50);
        report.write();
    }

    /** One cycle of masscast's poller beside a naive poller and the floor, at the same simulated moment. */
    private void economy(int tracked) throws Exception {
        Path folder = Files.createTempDirectory("masscast-bench-");
        MutableClock clock = new MutableClock(Instant.now());
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            List<Campaign> campaigns = followedCampaigns(pipeline, clock, tracked);
            Job poller = pipeline.job("stats-poller");
            pipeline.advance(clock, Duration.ofSeconds(61));
            poller.tick(); // the first cycle reads everything there is so far
            Map<Long, Long> buyersBefore = buyerCounts(pipeline, campaigns);

            pipeline.advance(clock, Duration.ofSeconds(61));
            pipeline.simulator.clearRequests();
            long started = System.nanoTime();
            poller.tick();
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            List<RecordedRequest> cycle = pipeline.simulator.requests();

            Map<Long, Long> buyersAfter = buyerCounts(pipeline, campaigns);
            long floor = ceilDiv(tracked, ANALYTICS_PAGE);
            int withNewPurchases = 0;
            for (Campaign campaign : campaigns) {
                long fresh = buyersAfter.get(campaign.id()) - buyersBefore.get(campaign.id());
                if (fresh > 0) {
                    withNewPurchases++;
                    floor += ceilDiv(fresh, BUYER_PAGE);
                }
            }
            long calls = cycle.size();
            long analytics = cycle.stream()
                    .filter(r -> r.path().endsWith("/analytics/mass-messages/sent"))
                    .count();

            pipeline.simulator.clearRequests();
            naivePoll(pipeline.wiring.ofauth(), campaigns);
            long naive = pipeline.simulator.requests().size();

            String n = Integer.toString(tracked);
            bench("poller_tracked_" + n, tracked, "campaigns");
            bench("poller_new_purchases_" + n, 100.0 * withNewPurchases / tracked, "%");
            bench("poller_calls_" + n, calls, "calls");
            bench("poller_analytics_pages_" + n, analytics, "calls");
            bench("poller_buyer_pages_" + n, calls - analytics, "calls");
            bench("poller_floor_" + n, floor, "calls");
            bench("poller_naive_calls_" + n, naive, "calls");
            bench("poller_naive_ratio_" + n, (double) naive / calls, "x");
            bench("poller_floor_ratio_" + n, (double) calls / floor, "x");
            bench("poller_cycle_time_" + n, elapsedMs, "ms");
            if (tracked == 500) {
                report.target(
                        "7 poller calls vs naive at 500 campaigns",
                        BenchReport.number((double) naive / calls) + "x fewer",
                        ">= 10x fewer",
                        naive >= 10 * calls);
                report.target(
                        "7 poller calls vs floor at 500 campaigns",
                        BenchReport.number((double) calls / floor) + "x floor",
                        "<= 1.5x floor",
                        calls <= 1.5 * floor);
            }
        }
    }

    /** A full cycle for one connection with {@code tracked} campaigns, against its budget of 60 calls a minute. */
    private void budget(int tracked) throws Exception {
        Path folder = Files.createTempDirectory("masscast-bench-");
        MutableClock clock = new MutableClock(Instant.now());
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            followedCampaigns(pipeline, clock, tracked);
            Job poller = pipeline.job("stats-poller");
            pipeline.advance(clock, Duration.ofSeconds(61));
            poller.tick();
            pipeline.advance(clock, Duration.ofSeconds(61));
            pipeline.simulator.clearRequests();
            long started = System.nanoTime();
            poller.tick();
            long elapsedMs = (System.nanoTime() - started) / 1_000_000;
            long calls = pipeline.simulator.requests().size();
            bench("poller_cycle_50_calls", calls, "calls");
            bench("poller_cycle_50_budget_share", 100.0 * calls / RATE_PER_MINUTE, "% of a minute's budget");
            bench("poller_cycle_50_time", elapsedMs, "ms");
        }
    }

    /**
     * {@code tracked} sent campaigns through the command layer, one a second: 95 % free ones sent over ten
     * minutes ago (their numbers no longer move), then 5 % PPVs whose buyers are still arriving.
     */
    private static List<Campaign> followedCampaigns(Pipeline pipeline, MutableClock clock, int tracked) {
        int selling = (int) Math.round(tracked * SELLING_SHARE);
        List<Campaign> campaigns = new ArrayList<>();
        for (int i = 1; i <= tracked; i++) {
            if (i == tracked - selling + 1) {
                pipeline.advance(clock, Duration.ofMinutes(10)); // the free ones have settled
            }
            String priced = i > tracked - selling ? " media=https://cdn.example.com/" + i + ".jpg price=12.50" : "";
            pipeline.run(ALICE, "new text=\"Campaign " + i + "\" lists=fans" + priced);
            Campaign composed = pipeline.campaign(i);
            pipeline.click(BOB, ActionId.Verb.APPROVE, composed);
            pipeline.job("submitter").tick();
            campaigns.add(pipeline.campaign(i));
            pipeline.advance(clock, Duration.ofSeconds(1));
        }
        return campaigns;
    }

    /** What a poller without a plan does: each campaign's figures, then all of its buyers, every cycle. */
    private static void naivePoll(OfAuthGateway ofauth, List<Campaign> campaigns) {
        for (Campaign campaign : campaigns) {
            long id = campaign.ofauthMessageId().orElseThrow();
            Instant sent = campaign.sendTime();
            List<SentMessageStats> rows = ofauth.sentMessages(
                    campaign.connectionId(),
                    sent,
                    sent.plusMillis(999),
                    10,
                    CallPriority.BACKGROUND); // the second it was sent in
            if (rows.stream().noneMatch(row -> row.id() == id)) {
                throw new IllegalStateException("the naive poller did not find " + campaign.humanId() + " (message "
                        + id + ", sent " + sent + ") in " + rows);
            }
            Optional<Long> marker = Optional.empty();
            do {
                Page<Fan> page =
                        ofauth.buyers(campaign.connectionId(), id, marker, BUYER_PAGE, CallPriority.BACKGROUND);
                marker = page.next();
            } while (marker.isPresent());
        }
    }

    private static Map<Long, Long> buyerCounts(Pipeline pipeline, List<Campaign> campaigns) {
        Map<Long, Long> counts = new HashMap<>();
        pipeline.wiring.database().inTransaction(stores -> {
            campaigns.forEach(c -> counts.put(c.id(), stores.stats().buyerCount(c.id())));
            return null;
        });
        return counts;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    private void bench(String name, long value, String unit) {
        bench(name, (double) value, unit);
    }

    private void bench(String name, double value, String unit) {
        report.bench(name, value, unit);
    }
}
