package io.masscast.app;

import static io.masscast.app.Pipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.campaign.Mention;
import io.masscast.core.command.ActionId;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Approval reminders in the campaign's thread: one per window (waiting 30 minutes since composed or edited, and 30
 * minutes before the send time), across a restart and with two wirings on one database; an A/B test, approved as a
 * whole, gets one per window, not one per variant.
 */
class ReminderPipelineTest {
    private static final Actor ROOT = Actor.of("root", "Root");
    private static final Actor BOB = Actor.of("bob", "Bob");
    /** 10:00 in Berlin, outside any quiet hours. */
    private static final Instant START = Instant.parse("2026-06-10T08:00:00Z");
    /** Everyone who may approve MC-1: the channel's approvers but its requester, alice. */
    private static final String APPROVERS = String.join(
            ", ",
            List.of("bob", "carol", "dave", "erin", "frank").stream()
                    .map(Mention::of)
                    .toList());

    /** MC-1's approvers once bob approved. */
    private static final String OTHERS = String.join(
            ", ",
            List.of("carol", "dave", "erin", "frank").stream().map(Mention::of).toList());

    @TempDir
    Path folder;

    private OfAuthSimulator simulator;

    @BeforeEach
    void startSimulator() {
        simulator = OfAuthSimulator.start(Pipeline.unlimitedSimulator());
    }

    @AfterEach
    void stopSimulator() {
        simulator.close();
    }

    private Pipeline pipeline(MutableClock clock) {
        return new Pipeline(folder, clock, simulator, Map.of());
    }

    private static List<String> reminders(Pipeline pipeline) {
        return pipeline.channel.notes().stream()
                .filter(note -> note.contains("Reminder"))
                .toList();
    }

    private static void compose(Pipeline pipeline, String extra) {
        Reply reply = pipeline.run(
                ALICE, "new text=\"New set\" lists=fans media=https://cdn.example.com/1.jpg price=12.50" + extra);
        assertThat(((Reply.Text) reply).text()).contains("is waiting for approval");
    }

    /** An A/B test of three variants by lists: MC-1 (its lead), MC-2 and MC-3. */
    private static void composeTest(Pipeline pipeline, String extra) {
        Reply reply = pipeline.run(
                ALICE,
                "new text=\"Remind A\" lists=\"VIP whales\" split=lists text_b=\"Remind B\" lists_b=\"Big spenders\""
                        + " text_c=\"Remind C\" lists_c=Tippers" + extra);
        assertThat(((Reply.Text) reply).text()).contains("A/B test MC-1 (3 variants");
    }

    @Test
    void aCampaignWaitingHalfAnHourGetsOneReminderAcrossARestart() {
        MutableClock clock = new MutableClock(START);
        try (Pipeline first = pipeline(clock)) {
            compose(first, "");
            clock.advance(Duration.ofMinutes(29));
            first.tick();
            assertThat(reminders(first)).as("not yet").isEmpty();

            clock.advance(Duration.ofMinutes(2));
            first.tick();
            first.tick();

            assertThat(reminders(first))
                    .containsExactly("Reminder for " + APPROVERS + ": MC-1 has been waiting for"
                            + " approval for 31 min. Approve or reject it on the card.");
        }
        assertNoReminderAfterARestart(clock);
    }

    @Test
    void aScheduledCampaignIsRemindedOfOnceMoreHalfAnHourBeforeItsSendTime() {
        MutableClock clock = new MutableClock(START);
        try (Pipeline pipeline = pipeline(clock)) {
            compose(pipeline, " at=\"2026-06-10 12:00\""); // two hours ahead, Berlin
            clock.advance(Duration.ofMinutes(30));
            pipeline.tick();
            clock.advance(Duration.ofMinutes(60)); // 11:30
            pipeline.tick();
            clock.advance(Duration.ofMinutes(10));
            pipeline.tick();

            assertThat(reminders(pipeline))
                    .containsExactly(
                            "Reminder for " + APPROVERS
                                    + ": MC-1 has been waiting for approval for 30 min. Approve or reject it"
                                    + " on the card.",
                            "Reminder for " + APPROVERS
                                    + ": MC-1 goes out in 30 min (2026-06-10 12:00 Europe/Berlin) only if it is"
                                    + " approved before then. Approve or reject it on the card.");
        }
    }

    @Test
    void anEditOpensANewWindowAndApproversWhoApprovedAreNotAskedAgain() {
        MutableClock clock = new MutableClock(START);
        try (Pipeline pipeline = pipeline(clock)) {
            pipeline.run(ROOT, "policy approvals=2");
            compose(pipeline, "");
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1)); // one of two
            clock.advance(Duration.ofMinutes(31));
            pipeline.tick();
            pipeline.run(ALICE, "edit MC-1 price=15");
            clock.advance(Duration.ofMinutes(31));
            pipeline.tick();

            assertThat(reminders(pipeline))
                    .containsExactly(
                            "Reminder for " + OTHERS
                                    + ": MC-1 has been waiting for approval for 31 min. Approve or reject it on the card.",
                            "Reminder for " + APPROVERS
                                    + ": MC-1 has been waiting for approval for 31 min. Approve or reject it on the card.");
        }
    }

    @Test
    void anAbTestGetsOneReminderPerWindowNamingTheTestNotOnePerVariant() {
        MutableClock clock = new MutableClock(START);
        try (Pipeline pipeline = pipeline(clock)) {
            pipeline.run(ROOT, "policy remind_after=5m");
            composeTest(pipeline, " at=\"2026-06-10 10:30\""); // half an hour ahead, Berlin
            clock.advance(Duration.ofMinutes(6));
            pipeline.tick();
            pipeline.tick();
            clock.advance(Duration.ofMinutes(20)); // 10:26, within 5 minutes of the send time
            pipeline.tick();
            pipeline.tick();

            assertThat(reminders(pipeline))
                    .containsExactly(
                            "Reminder for " + APPROVERS + ": the A/B test MC-1 has been waiting for approval for 6 min."
                                    + " Approve or reject it on the card.",
                            "Reminder for " + APPROVERS + ": the A/B test MC-1 goes out in 4 min (2026-06-10 10:30"
                                    + " Europe/Berlin) only if it is approved before then. Approve or reject it on the"
                                    + " card.");
        }
    }

    @Test
    void anAbTestApprovedOnceOfTwoRemindsTheOthersOnceAcrossARestart() {
        MutableClock clock = new MutableClock(START);
        try (Pipeline first = pipeline(clock)) {
            first.run(ROOT, "policy remind_after=5m");
            first.run(ROOT, "policy approvals=2");
            composeTest(first, "");
            assertThat(((Reply.Text) first.run(BOB, "approve MC-2")).text()).contains("A/B test MC-1"); // one of two
            clock.advance(Duration.ofMinutes(6));
            first.tick();
            first.tick();

            assertThat(reminders(first))
                    .containsExactly("Reminder for " + OTHERS + ": the A/B test MC-1 has been waiting for approval for"
                            + " 6 min. Approve or reject it on the card.");
        }
        assertNoReminderAfterARestart(clock);
    }

    /** Ten minutes later a restarted masscast on the same database reminds of nothing: the window was claimed. */
    private void assertNoReminderAfterARestart(MutableClock clock) {
        clock.advance(Duration.ofMinutes(10));
        try (Pipeline restarted = pipeline(clock)) {
            restarted.tick();
            restarted.tick();

            assertThat(reminders(restarted)).as("claimed before the restart").isEmpty();
        }
    }

    @Test
    void remindersOffMeansNone() {
        MutableClock clock = new MutableClock(START);
        try (Pipeline pipeline = pipeline(clock)) {
            Reply policy = pipeline.run(ROOT, "policy remind_after=off");
            assertThat(((Reply.Text) policy).text()).contains("approval reminders: off");
            compose(pipeline, "");
            clock.advance(Duration.ofHours(3));
            pipeline.tick();

            assertThat(reminders(pipeline)).isEmpty();
        }
    }

    @Test
    void thePolicyNamesItsDurationsInWholeUnits() {
        try (Pipeline pipeline = pipeline(new MutableClock(START))) {
            Reply hours = pipeline.run(ROOT, "policy remind_after=24h repeat_window=1h");
            Reply minutes = pipeline.run(ROOT, "policy remind_after=90m repeat_window=36h");

            assertThat(((Reply.Text) hours).text())
                    .contains("repeat warning: within 1 hour · approval reminders: after 1 day waiting and 1 day"
                            + " before the send time");
            assertThat(((Reply.Text) minutes).text())
                    .contains("repeat warning: within 36 hours · approval reminders: after 90 min waiting and 90 min"
                            + " before the send time");
        }
    }

    @Test
    void aReminderDelayOutOfRangeIsRefusedSayingWhatToWrite() {
        try (Pipeline pipeline = pipeline(new MutableClock(START))) {
            Reply reply = pipeline.run(ROOT, "policy remind_after=2m");

            assertThat(((Reply.Text) reply).text())
                    .startsWith("remind_after: \"2m\" is not a reminder delay: write it like 30m or 2h (5m to 24h),"
                            + " or off for no reminders.");
        }
    }

    @Test
    void twoWiringsOnOneDatabaseRemindOnce() throws Exception {
        MutableClock clock = new MutableClock(START);
        try (Pipeline a = pipeline(clock);
                Pipeline b = pipeline(clock)) {
            compose(a, "");
            a.tick();
            b.tick();
            clock.advance(Duration.ofMinutes(31));

            Pipeline.tickAtOnce("reminders", a, b);

            assertThat(reminders(a).size() + reminders(b).size()).isEqualTo(1);
        }
    }
}
