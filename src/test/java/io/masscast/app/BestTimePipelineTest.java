package io.masscast.app;

import static io.masscast.app.Pipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.chart.XChartRenderer;
import io.masscast.core.campaign.Mention;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.policy.Fields;
import io.masscast.core.text.Markup;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingNotifier;
import io.masscast.testing.SeededHistory;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /masscast best-time} over SQLite, on a seeded history worked out by hand (Berlin times):
 *
 * <pre>
 * Wed 18:00  3 Jun 18:20           500 recipients    4 purchases  0.80 %
 * Fri 21:00  5 Jun 21:30, 29 May   1,000 + 3,000     8 + 12       20 / 4,000 = 0.50 %
 * Mon 08:00  1 Jun 08:05           1,500             6            0.40 %
 * Sun 11:00  7 Jun 11:00           2,000             2            0.10 %
 * </pre>
 * Five campaigns, 8,000 recipients, 32 purchases; the first went out 11 days 15 h before now (Wednesday 10 June,
 * 12:00 in Berlin), two weeks rounded up.
 */
class BestTimePipelineTest {
    private static final Instant NOW = Instant.parse("2026-06-10T10:00:00Z");
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @TempDir
    Path folder;

    private static Campaign sent(
            Pipeline pipeline,
            MutableClock clock,
            SeededHistory history,
            String berlin,
            long recipients,
            long purchases) {
        Instant at = LocalDateTime.parse(berlin).atZone(BERLIN).toInstant();
        clock.set(at.minus(Duration.ofMinutes(30)));
        pipeline.run(ALICE, "new text=\"Set " + berlin + "\" lists=fans media=https://cdn.example.com/1.jpg price=10");
        Campaign composed = pipeline.wiring
                .database()
                .inTransaction(s -> s.campaigns().inStates(Set.of(CampaignState.PENDING_APPROVAL), 1))
                .get(0);
        Campaign sent = history.sent(composed, at, CampaignState.SENT);
        history.snapshot(sent, Duration.ofMinutes(20), recipients / 2, purchases / 2);
        history.snapshot(sent, Duration.ofHours(6), recipients, purchases);
        clock.set(NOW);
        return sent;
    }

    @Test
    void theChannelGetsTheBestThreeHoursWithAHeatMapAndTheFormNamesTheNextOne() throws IOException {
        MutableClock clock = new MutableClock(NOW);
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            SeededHistory history = new SeededHistory(pipeline.wiring.database());
            sent(pipeline, clock, history, "2026-06-05T21:30", 1000, 8);
            sent(pipeline, clock, history, "2026-05-29T21:10", 3000, 12);
            sent(pipeline, clock, history, "2026-06-07T11:00", 2000, 2);
            sent(pipeline, clock, history, "2026-06-03T18:20", 500, 4);
            sent(pipeline, clock, history, "2026-06-01T08:05", 1500, 6);
            int ofauthCalls = pipeline.simulator.requests().size();

            Reply reply = pipeline.run(ALICE, "best-time");
            assertThat(pipeline.simulator.requests())
                    .as("made from stored snapshots, without OFAuth")
                    .hasSize(ofauthCalls);
            pipeline.tick();

            assertThat(((Reply.Text) reply).text())
                    .isEqualTo("The best send times for Mila Rose are being posted in this"
                            + " channel, with the heat map. From 5 PPV campaigns over the last 2 weeks: 8,000 recipients,"
                            + " 32 purchases within 24 h of each send.");
            assertThat(pipeline.channel.images()).hasSize(1);
            RecordingNotifier.ImagePost post = pipeline.channel.images().get(0);
            assertThat(post.caption())
                    .isEqualTo(Markup.strong("Best send times · Mila Rose") + " · asked for by "
                            + Mention.of("alice") + "\n"
                            + "From 5 PPV campaigns over the last 2 weeks: 8,000 recipients, 32 purchases within 24 h of each send.\n"
                            + "1. " + Markup.strong("Wed 18:00–19:00")
                            + " · 0.80 % bought · 1 campaign, 500 recipients, 4 purchases"
                            + " · next: Wed 10 Jun 18:00\n"
                            + "2. " + Markup.strong("Fri 21:00–22:00")
                            + " · 0.50 % bought · 2 campaigns, 4,000 recipients, 20 purchases"
                            + " · next: Fri 12 Jun 21:00\n"
                            + "3. " + Markup.strong("Mon 08:00–09:00")
                            + " · 0.40 % bought · 1 campaign, 1,500 recipients, 6 purchases"
                            + " · next: Mon 15 Jun 08:00\n"
                            + "Hours are Europe/Berlin. Chart: purchases per recipient within 24 h, by the hour a campaign went out;"
                            + " blank hours had no campaign.");
            BufferedImage chart =
                    ImageIO.read(new ByteArrayInputStream(post.image().png()));
            assertThat(chart.getWidth()).isEqualTo(XChartRenderer.WIDTH);
            assertThat(chart.getHeight()).isEqualTo(XChartRenderer.HEAT_MAP_HEIGHT);

            Reply form = pipeline.run(ALICE, "new");
            assertThat(((Reply.Form) form).spec().note(Fields.AT))
                    .contains("Best hour ahead: Wed 10 Jun 18:00 (the best hour, 0.80 % bought in 24 h).");
        }
    }

    @Test
    void withoutHistoryTheReplySaysWhatItTakesAndNothingIsPosted() {
        try (Pipeline pipeline = new Pipeline(folder, new MutableClock(NOW))) {
            Reply reply = pipeline.run(ALICE, "best-time");
            pipeline.tick();

            assertThat(((Reply.Text) reply).text())
                    .startsWith("Not enough history for a best send time yet: masscast"
                            + " needs at least 5 PPV campaigns sent at 3 or more different hours of the week")
                    .endsWith("and for Mila Rose there is none yet. It will not guess before then.");
            assertThat(pipeline.channel.images()).isEmpty();
        }
    }
}
