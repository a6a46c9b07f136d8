package io.masscast.app;

import io.masscast.core.command.ActionId;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import io.masscast.jobs.Job;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RecordedRequest;
import io.masscast.testing.BenchReport;
import io.masscast.testing.MutableClock;
import io.masscast.testing.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Figure 5 of BENCHMARKS.md: the stats poller of one process following {@link #CONNECTIONS} creators' connections
 * with {@link #TRACKED} sent campaigns each (5 % of them PPVs still selling), on the OFAuth simulator, jobs ticked by
 * hand on a simulated clock (as {@link PollerEconomyBenchmark} does). After a first cycle has read everything,
 * {@link #CYCLES} cycles run a minute apart: the figures are the calls each connection received per cycle (one a
 * minute) against its budget of 60 calls a minute, the wall time of a cycle, and the worst card staleness: how long
 * before a cycle a campaign's figures were last reported (simulated time, over every campaign and cycle) plus the
 * longest cycle's wall time (the last campaign of a cycle waits for the others). masscast's own rate limiter is lifted here (it runs on real time, the cycles on simulated time), so the
 * calls are what the poller asks for, compared with the budget rather than cut by it.
 */
public final class PollerScaleBenchmark {
    private static final int CONNECTIONS = 50;
    private static final int TRACKED = 100;
    private static final int CYCLES = 3;
    private static final double SELLING_SHARE = 0.05;
    private static final int BUDGET_PER_MINUTE = 60;
    private static final Duration STALENESS_TARGET = Duration.ofSeconds(90);
    private static final Actor ROOT = Actor.of("root", "Root");
    private static final Actor BOB = Actor.of("bob", "Bob");

    public static void main(String[] args) throws Exception {
        BenchReport report = BenchReport.forArgs(args, "poller-scale");
        report.comment(
                "Figure 5: the poller with " + CONNECTIONS + " connections x " + TRACKED + " followed campaigns");
        report.machine();
        Path folder = Files.createTempDirectory("masscast-bench-scale-");
        MutableClock clock = new MutableClock(Instant.now());
        try (OfAuthSimulator simulator =
                        OfAuthSimulator.start(Pipeline.unlimitedSimulator().withExtraConnections(CONNECTIONS - 2));
                Pipeline pipeline = new Pipeline(folder, clock, simulator, Map.of("MASSCAST_STATS_INTERVAL", "60s"))) {
            List<ChannelRef> channels = bind(pipeline);
            List<Campaign> campaigns = followedCampaigns(pipeline, clock, channels);
            Job poller = pipeline.job("stats-poller");
            pipeline.advance(clock, Duration.ofSeconds(61));
            poller.tick(); // the first cycle reads everything there is so far

            List<Double> perConnection = new ArrayList<>();
            List<Double> cycleMs = new ArrayList<>();
            Duration worstStaleness = Duration.ZERO;
            for (int cycle = 0; cycle < CYCLES; cycle++) {
                pipeline.advance(clock, Duration.ofSeconds(60));
                worstStaleness = max(worstStaleness, staleness(pipeline, campaigns, clock.instant()));
                simulator.clearRequests();
                long started = System.nanoTime();
                poller.tick();
                cycleMs.add((System.nanoTime() - started) / 1e6);
                Map<String, Integer> calls = new HashMap<>();
                for (RecordedRequest request : simulator.requests()) {
                    calls.merge(request.connectionId(), 1, Integer::sum);
                }
                for (int c = 0; c < CONNECTIONS; c++) {
                    perConnection.add((double) calls.getOrDefault(connection(c), 0));
                }
            }
            double median = Samples.median(perConnection);
            double worst = perConnection.stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElseThrow();
            report.bench("poller_scale_campaigns", campaigns.size(), "campaigns");
            report.bench("poller_scale_calls_per_connection_minute_median", median, "calls");
            report.bench("poller_scale_calls_per_connection_minute_max", worst, "calls");
            report.bench("poller_scale_budget_share_max", 100 * worst / BUDGET_PER_MINUTE, "% of 60 calls a minute");
            report.bench("poller_scale_worst_staleness", worstStaleness.toSeconds(), "s");
            report.bench("poller_scale_cycle_time_median", Samples.median(cycleMs), "ms");
            double maxCycleMs =
                    cycleMs.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            report.bench("poller_scale_cycle_time_max", maxCycleMs, "ms");
            report.target(
                    "5 poller calls per connection a minute (" + CONNECTIONS + " x " + TRACKED + ")",
                    BenchReport.number(worst) + " calls at most (median " + BenchReport.number(median) + ")",
                    "inside 60, with room for sends",
                    worst < BUDGET_PER_MINUTE / 2.0);
            // a card waits for its cycle to start (simulated) and then for the cycle to reach it (wall time)
            Duration withCycle = worstStaleness.plusMillis(Math.round(maxCycleMs));
            report.bench("poller_scale_worst_staleness_with_cycle", withCycle.toSeconds(), "s");
            report.target(
                    "5 worst card staleness (" + CONNECTIONS + " x " + TRACKED + ")",
                    withCycle.toSeconds() + " s (" + worstStaleness.toSeconds() + " s between cycles + "
                            + BenchReport.number(maxCycleMs / 1000) + " s for a cycle)",
                    "<= 90 s",
                    withCycle.compareTo(STALENESS_TARGET) <= 0);
        }
        report.write();
    }

    private static String connection(int c) {
        return switch (c) {
            case 0 -> "conn_demo";
            case 1 -> "conn_demo2";
            default -> "conn_demo" + (c + 1);
        };
    }

    /** One channel per connection, all bound by an admin with Bob as approver. */
    private static List<ChannelRef> bind(Pipeline pipeline) {
        List<ChannelRef> channels = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            ChannelRef channel = new ChannelRef(Platform.SHELL, Pipeline.CHANNEL.workspaceId(), "creator-" + c);
            pipeline.wiring
                    .bindings()
                    .bind(
                            ROOT,
                            new Binding(
                                    channel,
                                    connection(c),
                                    "Creator " + c,
                                    ZoneId.of("Europe/Berlin"),
                                    Set.of("alice", "bob"),
                                    BindingPolicy.defaults()));
            channels.add(channel);
        }
        return channels;
    }

    /**
     * {@link #TRACKED} campaigns per channel through the command layer and the submitter, a round of one per channel
     * each second: 95 % free ones sent over ten minutes earlier, then 5 % PPVs whose buyers are still arriving.
     */
    private static List<Campaign> followedCampaigns(Pipeline pipeline, MutableClock clock, List<ChannelRef> channels) {
        int selling = (int) Math.round(TRACKED * SELLING_SHARE);
        Job submitter = pipeline.job("submitter");
        List<Campaign> campaigns = new ArrayList<>();
        int number = 0;
        for (int round = 1; round <= TRACKED; round++) {
            if (round == TRACKED - selling + 1) {
                pipeline.advance(clock, Duration.ofMinutes(10)); // the free ones have settled
            }
            String priced =
                    round > TRACKED - selling ? " media=https://cdn.example.com/" + round + ".jpg price=12.50" : "";
            for (ChannelRef channel : channels) {
                pipeline.wiring
                        .router()
                        .handle(
                                channel,
                                Pipeline.ALICE,
                                "new text=\"Scale " + channel.channelId() + " " + round + "\" lists=fans" + priced);
                Campaign composed = pipeline.campaign(++number);
                pipeline.wiring
                        .router()
                        .click(
                                channel,
                                BOB,
                                new ActionId(ActionId.Verb.APPROVE, composed.id(), composed.fingerprint()),
                                Optional.empty());
            }
            for (int i = 0;
                    i < 100
                            && !pipeline.wiring
                                    .submissions()
                                    .dueForSubmission(1)
                                    .isEmpty();
                    i++) {
                submitter.tick();
            }
            pipeline.advance(clock, Duration.ofSeconds(1));
        }
        for (int n = 1; n <= number; n++) {
            Campaign campaign = pipeline.campaign(n);
            if (campaign.ofauthMessageId().isEmpty()) {
                throw new IllegalStateException(campaign.humanId() + " was not sent: " + campaign.state());
            }
            campaigns.add(campaign);
        }
        return campaigns;
    }

    /** The longest time since OFAuth last reported any campaign's figures (never reported: since it was sent). */
    private static Duration staleness(Pipeline pipeline, List<Campaign> campaigns, Instant now) {
        return pipeline.wiring.database().inTransaction(stores -> {
            Duration worst = Duration.ZERO;
            for (Campaign campaign : campaigns) {
                Instant reported = stores.stats()
                        .find(campaign.id())
                        .flatMap(CampaignStats::asOf)
                        .orElse(campaign.sendTime());
                worst = max(worst, Duration.between(reported, now));
            }
            return worst;
        });
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
