package io.masscast.app;

import static io.masscast.app.Pipeline.ALICE;
import static io.masscast.app.Pipeline.CHANNEL;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.chart.XChartRenderer;
import io.masscast.core.campaign.BuyerNote;
import io.masscast.core.campaign.Mention;
import io.masscast.core.command.ActionId;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.StatsFigures;
import io.masscast.core.model.StatsSnapshot;
import io.masscast.core.text.Markup;
import io.masscast.jobs.JobRuntime;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RateLimitPlan;
import io.masscast.simulator.SimulatorConfig;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingNotifier;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The digest end to end: sent on the simulator, followed by the poller, posted with its chart through the outbox,
 * and the daily one exactly once across restarts and replicas sharing a database.
 */
class DigestPipelineTest {
    private static final Actor BOB = Actor.of("bob", "Bob");
    private static final Actor ROOT = Actor.of("root", "Root");
    /** 08:59 in Berlin (CEST) on a Wednesday; the channel's digest is at 09:00. */
    private static final Instant BEFORE_NINE = Instant.parse("2026-06-10T06:59:00Z");

    private static final LocalDate DAY = LocalDate.of(2026, 6, 10);

    @TempDir
    Path folder;

    private OfAuthSimulator simulator;

    @BeforeEach
    void startSimulator() {
        simulator = OfAuthSimulator.start(
                SimulatorConfig.defaults().withPort(0).withRateLimit(new RateLimitPlan.Unlimited()));
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private Pipeline pipeline(MutableClock clock) {
        return new Pipeline(folder, clock, simulator, Map.of());
    }

    private static void tick(Pipeline pipeline, String job) {
        JobRuntime.runGuarded(pipeline.job(job));
    }

    private static BufferedImage decode(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(image).as("a PNG ImageIO can read").isNotNull();
        return image;
    }

    private static boolean claimed(Pipeline pipeline, String period) {
        Boolean claimed =
                pipeline.wiring.database().inTransaction(s -> s.digests().isClaimed(CHANNEL, period));
        return claimed;
    }

    private static String count(long n) {
        return NumberFormat.getIntegerInstance(Locale.US).format(n);
    }

    @Test
    void theDigestAskedForShowsTheStoredNumbersAndItsChart() throws IOException {
        MutableClock clock = new MutableClock(Instant.now());
        try (Pipeline pipeline = pipeline(clock)) {
            pipeline.run(ROOT, "policy digest=off"); // only the digest asked for, whatever the time of day
            pipeline.run(ALICE, "new text=\"New set 🔥\" lists=fans media=https://cdn.example.com/1.jpg price=12.50");
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
            pipeline.tickUntilSubmitted();
            for (int minute = 0; minute < 7; minute++) { // delivery, then purchases over the simulator's window
                simulator.clock().advance(Duration.ofMinutes(1));
                clock.advance(Duration.ofMinutes(1));
                pipeline.tick();
            }
            Campaign campaign = pipeline.campaign(1);
            List<StatsSnapshot> snapshots =
                    pipeline.wiring.database().inTransaction(s -> s.stats().snapshots(campaign.id()));
            assertThat(snapshots).as("the poller stored snapshots").isNotEmpty();
            StatsFigures latest = snapshots.get(snapshots.size() - 1).figures();
            assertThat(latest.purchased()).as("some fans bought it").isPositive();

            int ofauthCalls = simulator.requests().size();
            Reply reply = pipeline.run(ALICE, "digest 24h");
            assertThat(simulator.requests())
                    .as("the digest is made from stored snapshots, without OFAuth")
                    .hasSize(ofauthCalls);
            pipeline.tick();

            assertThat(((Reply.Text) reply).text())
                    .isEqualTo("The digest of the last 24 hours is being posted in this"
                            + " channel, with the chart of revenue per day over the last 14 days.");
            RecordingNotifier.ImagePost post = pipeline.channel.images().get(0);
            assertThat(pipeline.channel.images()).hasSize(1);
            String link = "https://chat.example/" + CHANNEL.channelId() + "/msg-1"; // the card's message
            assertThat(post.caption())
                    .startsWith(Markup.strong("Digest asked for by " + Mention.of("alice") + " · Mila Rose") + " · ")
                    .contains("\n" + Markup.strong("Last 24 hours") + " · 1 campaign sent\n")
                    .contains("    " + count(latest.sent()) + " messages sent · " + count(latest.viewed()) + " viewed")
                    .contains(" · " + count(latest.purchased()) + " bought")
                    .contains(" · " + BuyerNote.money(latest.revenue()) + " revenue (purchases × price)")
                    .contains("\n    Best: MC-1 · " + BuyerNote.money(latest.revenue()) + " · " + link + "\n")
                    .doesNotContain("Last 7 days");
            BufferedImage chart = decode(post.image().png());
            assertThat(chart.getWidth()).isEqualTo(XChartRenderer.WIDTH);
            assertThat(chart.getHeight()).isEqualTo(XChartRenderer.HEIGHT);
        }
    }

    @Test
    void aPeriodTheDigestDoesNotKnowIsRefusedWithWhatItAccepts() {
        try (Pipeline pipeline = pipeline(new MutableClock(BEFORE_NINE))) {
            Reply reply = pipeline.run(ALICE, "digest 30d");
            pipeline.tick();

            assertThat(((Reply.Text) reply).text())
                    .startsWith("A digest reports on the last 24 hours and the last 7 days,"
                            + " or on one period you name: 24h, or 1d to 14d (for example /masscast digest 7d).")
                    .endsWith("Usage: /masscast digest [24h|7d|1d-14d]");
            assertThat(pipeline.channel.images()).isEmpty();
        }
    }

    @Test
    void theDailyDigestIsPostedAtItsTimeOnce() {
        MutableClock clock = new MutableClock(BEFORE_NINE);
        try (Pipeline pipeline = pipeline(clock)) {
            pipeline.tick();
            assertThat(pipeline.channel.images()).isEmpty();

            clock.advance(Duration.ofMinutes(1)); // 09:00
            pipeline.tick();
            clock.advance(Duration.ofMinutes(1));
            pipeline.tick();

            assertThat(pipeline.channel.images())
                    .singleElement()
                    .satisfies(post -> assertThat(post.caption())
                            .startsWith(
                                    Markup.strong("Daily digest · Mila Rose") + " · 2026-06-10 09:00 Europe/Berlin\n"
                                            + Markup.strong("Last 24 hours") + " · no campaigns sent\n"
                                            + Markup.strong("Last 7 days") + " · no campaigns sent\n"));
        }
    }

    @Test
    void aRestartAfterTheDigestWasClaimedAndBeforeItWasPostedPostsItOnce() {
        MutableClock clock = new MutableClock(BEFORE_NINE);
        try (Pipeline first = pipeline(clock)) {
            first.tick();
            clock.advance(Duration.ofMinutes(1));
            tick(first, "digest"); // claimed and queued; the process stops before the outbox delivers it
            assertThat(first.channel.images()).isEmpty();
        }
        clock.advance(Duration.ofMinutes(1));
        try (Pipeline second = pipeline(clock)) {
            second.tick();
            second.tick();

            assertThat(second.channel.images()).hasSize(1);
            assertThat(second.wiring.idle()).isTrue();
        }
    }

    @Test
    void twoReplicasOnOneDatabasePostTheDigestOnce() throws Exception {
        MutableClock clock = new MutableClock(BEFORE_NINE);
        try (Pipeline a = pipeline(clock);
                Pipeline b = pipeline(clock)) {
            a.tick();
            b.tick();
            clock.advance(Duration.ofMinutes(1));

            Pipeline.tickAtOnce("digest", a, b);

            assertThat(a.channel.images().size() + b.channel.images().size()).isEqualTo(1);
            assertThat(claimed(a, "daily:" + DAY)).isTrue();
        }
    }

    @Test
    void aDigestMissedWhileDownIsPostedAtStartUpThatDayAndSkippedAfterIt() {
        MutableClock clock = new MutableClock(BEFORE_NINE);
        try (Pipeline running = pipeline(clock)) {
            running.tick();
            clock.advance(Duration.ofMinutes(1));
            running.tick();
            running.tick();
            assertThat(running.channel.images()).hasSize(1); // 10 June, at 09:00
        }
        clock.set(Instant.parse("2026-06-11T09:30:00Z")); // 11:30 the next day: down at 09:00
        try (Pipeline restarted = pipeline(clock)) {
            restarted.tick();
            restarted.tick();
            assertThat(restarted.channel.images())
                    .singleElement()
                    .satisfies(post -> assertThat(post.caption())
                            .startsWith(
                                    Markup.strong("Daily digest · Mila Rose") + " · 2026-06-11 11:30 Europe/Berlin"));
        }
        clock.set(Instant.parse("2026-06-13T05:00:00Z")); // 07:00 two days later: 12 June's was missed altogether
        try (Pipeline restarted = pipeline(clock)) {
            restarted.tick();
            restarted.tick();

            assertThat(restarted.channel.images()).isEmpty();
            assertThat(claimed(restarted, "daily:2026-06-12"))
                    .as("recorded as skipped, so no replica posts it later")
                    .isTrue();
        }
    }

    @Test
    void aChannelFirstSeenAfterItsDigestTimeGetsItsFirstDigestTheNextDay() {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-10T12:00:00Z")); // 14:00 in Berlin
        try (Pipeline pipeline = pipeline(clock)) {
            pipeline.tick();
            pipeline.tick();
            assertThat(pipeline.channel.images()).isEmpty();

            clock.set(Instant.parse("2026-06-11T07:00:30Z"));
            pipeline.tick();
            pipeline.tick();

            assertThat(pipeline.channel.images())
                    .singleElement()
                    .satisfies(post -> assertThat(post.caption())
                            .startsWith(
                                    Markup.strong("Daily digest · Mila Rose") + " · 2026-06-11 09:00 Europe/Berlin"));
        }
    }

    @Test
    void aTimeSetLaterTheSameDayPostsThenButADayGetsOneDigestWhateverItsTimes() {
        MutableClock clock = new MutableClock(Instant.parse("2026-06-10T08:00:00Z")); // 10:00: first seen after 09:00
        try (Pipeline pipeline = pipeline(clock)) {
            pipeline.tick();
            pipeline.run(ROOT, "policy digest=10:30");
            pipeline.tick();
            assertThat(pipeline.channel.images()).isEmpty();

            clock.set(Instant.parse("2026-06-10T08:30:00Z")); // 10:30
            pipeline.tick();
            pipeline.tick();
            assertThat(pipeline.channel.images()).hasSize(1);

            pipeline.run(ROOT, "policy digest=11:00");
            clock.set(Instant.parse("2026-06-10T09:00:00Z")); // 11:00
            pipeline.tick();
            pipeline.run(ROOT, "policy digest=07:00"); // already past today
            pipeline.tick();
            pipeline.tick();

            assertThat(pipeline.channel.images())
                    .singleElement()
                    .satisfies(post -> assertThat(post.caption())
                            .startsWith(
                                    Markup.strong("Daily digest · Mila Rose") + " · 2026-06-10 10:30 Europe/Berlin"));
        }
    }

    @Test
    void aChannelWithTheDigestOffGetsNone() {
        MutableClock clock = new MutableClock(BEFORE_NINE);
        try (Pipeline pipeline = pipeline(clock)) {
            pipeline.run(ROOT, "policy digest=off");
            pipeline.tick();
            clock.advance(Duration.ofMinutes(2));
            pipeline.tick();
            pipeline.tick();

            assertThat(pipeline.channel.images()).isEmpty();
        }
    }
}
