package io.masscast.app;

import static io.masscast.app.Pipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.command.ActionId;
import io.masscast.core.model.Actor;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.Platform;
import io.masscast.core.port.CallPriority;
import io.masscast.store.OperationsReport;
import io.masscast.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /metrics} as Prometheus scrapes it: the series a send, a poll cycle, the outbox and a digest leave
 * behind, read from the scrape's text (names, labels, values), not from the registry.
 */
class MetricsTest {
    private static final Actor BOB = Actor.of("bob", "Bob");

    @TempDir
    Path folder;

    @Test
    void aSendLeavesItsOfAuthCallsItsCampaignsStateAndItsCardDeliveryInTheScrape() {
        MutableClock clock = new MutableClock(Instant.now());
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            pipeline.run(ALICE, "new text=\"Metrics drop is live\" lists=fans");
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
            pipeline.tick();

            String scrape = pipeline.wiring.scrapeMetrics();

            assertThat(value(
                            scrape,
                            "masscast_ofauth_requests_seconds_count",
                            "endpoint=\"POST /v2/access/mass-messages\",status=\"200\""))
                    .isEqualTo(1);
            assertThat(value(scrape, "masscast_campaigns", "state=\"sending\"")
                            + value(scrape, "masscast_campaigns", "state=\"sent\""))
                    .isEqualTo(1);
            assertThat(value(scrape, "masscast_campaigns", "state=\"in_doubt\""))
                    .isZero();
            assertThat(value(scrape, "masscast_outbox_delivered_total", "kind=\"card\",platform=\"shell\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "masscast_outbox_backlog", "platform=\"shell\""))
                    .isZero();
            assertThat(value(scrape, "masscast_ofauth_rate_limit_tokens", "connection=\"conn_demo\""))
                    .isPositive();
            assertThat(value(scrape, "masscast_connections", "health=\"active\""))
                    .isEqualTo(1);
            assertThat(value(scrape, "masscast_database_up", "")).isEqualTo(1);
            assertThat(scrape)
                    .contains("jvm_memory_used_bytes{", "process_uptime_seconds ", "jvm_threads_live_threads ");
        }
    }

    @Test
    void aPollCycleIsTimedAndCountedAndItsNextPollIsOnSchedule() {
        MutableClock clock = new MutableClock(Instant.now());
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            pipeline.run(ALICE, "new text=\"Polled drop is live\" lists=fans");
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
            pipeline.tick();
            pipeline.advance(clock, Duration.ofSeconds(30));
            pipeline.tick();

            String scrape = pipeline.wiring.scrapeMetrics();

            assertThat(value(
                            scrape,
                            "masscast_stats_poll_cycle_seconds_count",
                            "connection=\"conn_demo\",outcome=\"completed\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "masscast_stats_poll_calls_count", "connection=\"conn_demo\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "masscast_stats_poll_calls_sum", "connection=\"conn_demo\""))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(scrape, "masscast_stats_poll_overdue_seconds", "connection=\"conn_demo\""))
                    .isZero();
        }
    }

    @Test
    void theOldestWaitingOutboxEntryAgesUntilItIsDeliveredAndADigestIsCountedOnceItIsPosted() {
        MutableClock clock = new MutableClock(Instant.now());
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            pipeline.run(ALICE, "digest 24h");
            pipeline.advance(clock, Duration.ofSeconds(90));

            String waiting = pipeline.wiring.scrapeMetrics();
            pipeline.job("outbox").tick();
            String posted = pipeline.wiring.scrapeMetrics();

            assertThat(value(waiting, "masscast_outbox_backlog", "platform=\"shell\""))
                    .isEqualTo(1);
            assertThat(value(waiting, "masscast_outbox_oldest_age_seconds", "platform=\"shell\""))
                    .isEqualTo(90);
            assertThat(value(posted, "masscast_outbox_backlog", "platform=\"shell\""))
                    .isZero();
            assertThat(value(posted, "masscast_outbox_oldest_age_seconds", "platform=\"shell\""))
                    .isZero();
            assertThat(value(posted, "masscast_digests_posted_total", "platform=\"shell\""))
                    .isEqualTo(1);
            assertThat(pipeline.channel.images()).hasSize(1);
        }
    }

    @Test
    void ackLatencyIsAHistogramAroundThePlatformsThreeSecondsAndRateLimitWaitsAreCountedPerConnection() {
        MutableClock clock = new MutableClock(Instant.now());
        MicrometerMetrics metrics = new MicrometerMetrics(MetricsTest::emptyDatabase, clock);

        metrics.acknowledged(Platform.SLACK, "command", Duration.ofMillis(180));
        metrics.acknowledged(Platform.SLACK, "command", Duration.ofMillis(2700));
        metrics.acknowledged(Platform.DISCORD, "button", Duration.ofMillis(40));
        metrics.waited("conn_demo", CallPriority.SEND, Duration.ofSeconds(2));
        metrics.refused("conn_demo", CallPriority.BACKGROUND);
        metrics.tokensLeft("conn_demo", 29);
        String scrape = metrics.scrape();
        metrics.close();

        String slackCommand = "kind=\"command\",platform=\"slack\"";
        assertThat(value(scrape, "masscast_interaction_ack_seconds_bucket", slackCommand + ",le=\"0.25\""))
                .isEqualTo(1);
        assertThat(value(scrape, "masscast_interaction_ack_seconds_bucket", slackCommand + ",le=\"2.5\""))
                .isEqualTo(1);
        assertThat(value(scrape, "masscast_interaction_ack_seconds_bucket", slackCommand + ",le=\"3.0\""))
                .isEqualTo(2);
        assertThat(value(scrape, "masscast_interaction_ack_seconds_count", "kind=\"button\",platform=\"discord\""))
                .isEqualTo(1);
        assertThat(value(
                        scrape,
                        "masscast_ofauth_rate_limit_waits_seconds_sum",
                        "connection=\"conn_demo\",priority=\"send\""))
                .isEqualTo(2);
        assertThat(value(
                        scrape,
                        "masscast_ofauth_rate_limit_refusals_total",
                        "connection=\"conn_demo\",priority=\"background\""))
                .isEqualTo(1);
        assertThat(value(scrape, "masscast_ofauth_rate_limit_tokens", "connection=\"conn_demo\""))
                .isEqualTo(29);
    }

    @Test
    void aDatabaseThatCannotBeReadIsReportedAndTheLastValuesStay() {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-20T10:00:00Z"));
        boolean[] down = {false};
        MicrometerMetrics metrics = new MicrometerMetrics(
                () -> {
                    if (down[0]) {
                        throw new IllegalStateException("connection refused");
                    }
                    return new OperationsReport.Snapshot(
                            Map.of(CampaignState.IN_DOUBT, 3L),
                            Map.of(
                                    Platform.SLACK,
                                    new OperationsReport.Backlog(
                                            4, Optional.of(clock.instant().minusSeconds(600)))),
                            Map.of(),
                            Map.of("conn_a", clock.instant().minusSeconds(120)));
                },
                clock);

        String up = metrics.scrape();
        down[0] = true;
        String failed = metrics.scrape();
        metrics.close();

        assertThat(value(up, "masscast_campaigns", "state=\"in_doubt\"")).isEqualTo(3);
        assertThat(value(up, "masscast_outbox_oldest_age_seconds", "platform=\"slack\""))
                .isEqualTo(600);
        assertThat(value(up, "masscast_stats_poll_overdue_seconds", "connection=\"conn_a\""))
                .isEqualTo(120);
        assertThat(value(failed, "masscast_database_up", "")).isZero();
        assertThat(value(failed, "masscast_campaigns", "state=\"in_doubt\"")).isEqualTo(3);
    }

    private static OperationsReport.Snapshot emptyDatabase() {
        return new OperationsReport.Snapshot(Map.of(), Map.of(), Map.of(), Map.of());
    }

    /** The value of the series {@code name{labels}} in a scrape; fails when the scrape has no such line. */
    static double value(String scrape, String name, String labels) {
        String series = labels.isEmpty() ? Pattern.quote(name) : Pattern.quote(name + "{" + labels + "}");
        Matcher line = Pattern.compile("(?m)^" + series + " ([0-9.eE+-]+)$").matcher(scrape);
        assertThat(line.find())
                .as("%s{%s} in the scrape:%n%s", name, labels, scrape)
                .isTrue();
        return Double.parseDouble(line.group(1));
    }
}
