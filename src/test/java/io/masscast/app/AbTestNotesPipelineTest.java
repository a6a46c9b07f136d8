package io.masscast.app;

import static io.masscast.app.Pipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.campaign.Mention;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.CampaignState;
import io.masscast.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The thread of an A/B test, where every campaign of the test posts: a decision on the test (cancel, unsend,
 * reject, expiry) is noted once, not once per campaign, and a buyers note names the variant and message it is about.
 */
class AbTestNotesPipelineTest {
    private static final Actor BOB = Actor.of("bob", "Bob");
    /** 10:00 in Berlin, outside any quiet hours. */
    private static final Instant START = Instant.parse("2026-06-10T08:00:00Z");
    /** {@code Variant B (MC-2): +2 buyers: Max L., Ryan · +$25.00 · total 2 / $25.00}. */
    private static final Pattern VARIANT_BUYERS_NOTE = Pattern.compile(
            "^Variant ([ABC]) \\((MC-\\d+)\\): \\+(\\d+) buyers?: .+ · \\+\\$[\\d,.]+ · total ([\\d,]+) / \\$([\\d,.]+)$");

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(START);

    /** A test by lists: MC-1 (its lead, variant A), MC-2 (B) and, with {@code threeVariants}, MC-3 (C). */
    private static void composeTest(Pipeline pipeline, boolean threeVariants, String extra) {
        Reply reply = pipeline.run(
                ALICE,
                "new text=\"Option A\" lists=\"VIP whales\" split=lists text_b=\"Option B\" lists_b=\"Big spenders\""
                        + (threeVariants ? " text_c=\"Option C\" lists_c=Tippers" : "")
                        + extra);
        assertThat(((Reply.Text) reply).text()).contains("A/B test MC-1 (" + (threeVariants ? 3 : 2) + " variants");
    }

    private static String text(Reply reply) {
        return ((Reply.Text) reply).text();
    }

    private static long count(List<String> notes, String note) {
        return notes.stream().filter(note::equals).count();
    }

    @Test
    void cancellingATestNotesItOnceInTheThread() {
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            composeTest(pipeline, false, "");
            assertThat(text(pipeline.run(ALICE, "cancel MC-2")))
                    .contains("MC-1")
                    .contains("MC-2");
            pipeline.tick();

            assertThat(pipeline.state(1)).isEqualTo(CampaignState.CANCELLED);
            assertThat(pipeline.state(2)).isEqualTo(CampaignState.CANCELLED);
            assertThat(pipeline.channel.notes()).containsExactly("Cancelled by " + Mention.of("alice") + ".");
        }
    }

    @Test
    void unsendingASentTestOfThreeVariantsNotesItOnceInTheThread() {
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            composeTest(pipeline, true, "");
            assertThat(text(pipeline.run(BOB, "approve MC-1"))).contains("You approved the A/B test MC-1");
            pipeline.tickUntilSubmitted();
            assertThat(List.of(pipeline.state(1), pipeline.state(2), pipeline.state(3)))
                    .doesNotContain(CampaignState.APPROVED, CampaignState.PENDING_APPROVAL);

            pipeline.run(BOB, "unsend MC-3");
            pipeline.tick();

            assertThat(List.of(pipeline.state(1), pipeline.state(2), pipeline.state(3)))
                    .containsOnly(CampaignState.UNSENT);
            String unsent =
                    "Unsent by " + Mention.of("bob") + ". Fans who already bought it keep access to what they bought.";
            assertThat(count(pipeline.channel.notes(), unsent)).isOne();
        }
    }

    @Test
    void rejectingATestNotesItOnceAndApprovingItNotesNothing() {
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            composeTest(pipeline, true, "");
            pipeline.run(BOB, "reject MC-2 too close to the last drop");
            composeTest2(pipeline);
            pipeline.run(BOB, "approve MC-4");
            pipeline.tick();

            assertThat(pipeline.channel.notes())
                    .containsExactly("A/B test rejected by " + Mention.of("bob") + ": too close to the last drop");
        }
    }

    /** A second test, MC-4 (its lead) and MC-5, going to other lists. */
    private static void composeTest2(Pipeline pipeline) {
        Reply reply = pipeline.run(
                ALICE,
                "new text=\"Second A\" lists=\"Weekend regulars\" split=lists text_b=\"Second B\""
                        + " lists_b=\"New this month\"");
        assertThat(text(reply)).contains("A/B test MC-4 (2 variants");
    }

    @Test
    void aTestNotApprovedBeforeItsSendTimeExpiresWithOneNote() {
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            composeTest(pipeline, true, " at=\"2026-06-10 11:00\"");
            pipeline.run(Actor.of("root", "Root"), "policy remind_after=off");
            pipeline.advance(clock, Duration.ofMinutes(61));
            pipeline.tick();

            assertThat(List.of(pipeline.state(1), pipeline.state(2), pipeline.state(3)))
                    .containsOnly(CampaignState.EXPIRED);
            assertThat(pipeline.channel.notes())
                    .containsExactly(
                            "Not approved before its send time, so it was not sent. Compose it again with a new time.");
        }
    }

    @Test
    void buyersNotesOfATestNameTheVariantAndMessageWithThatMessagesTotals() {
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            Reply reply = pipeline.run(
                    ALICE,
                    "new text=\"Set at 12.50\" lists=Tippers media=https://cdn.example.com/set.jpg price=12.50"
                            + " split=lists text_b=\"Same set, 12.50\" lists_b=\"Big spenders\"");
            assertThat(text(reply)).contains("A/B test MC-1 (2 variants");
            pipeline.run(BOB, "approve MC-1");
            pipeline.tickUntilSubmitted();
            for (int minute = 1; minute <= 16; minute++) { // purchases arrive for 5 minutes; a note at most every 5
                pipeline.advance(clock, Duration.ofMinutes(1));
                pipeline.tick();
            }

            List<String> buyerNotes = pipeline.channel.notes().stream()
                    .filter(note -> note.contains(" buyer"))
                    .toList();
            assertThat(buyerNotes)
                    .isNotEmpty()
                    .allMatch(note -> VARIANT_BUYERS_NOTE.matcher(note).matches());
            for (String variant : List.of("A", "B")) {
                String humanId = variant.equals("A") ? "MC-1" : "MC-2";
                long bought = SimulatorMessages.count(
                        pipeline.simulator,
                        pipeline.campaign(variant.equals("A") ? 1 : 2)
                                .ofauthMessageId()
                                .orElseThrow(),
                        "purchasedCount");
                List<Matcher> ofVariant = buyerNotes.stream()
                        .map(VARIANT_BUYERS_NOTE::matcher)
                        .filter(Matcher::matches)
                        .filter(m -> m.group(1).equals(variant))
                        .toList();
                assertThat(ofVariant).as("variant " + variant + "'s notes").isNotEmpty();
                assertThat(ofVariant).allSatisfy(m -> assertThat(m.group(2)).isEqualTo(humanId));
                assertThat(ofVariant.stream()
                                .mapToLong(m -> Long.parseLong(m.group(3)))
                                .sum())
                        .as("every buyer of " + humanId + " announced once")
                        .isEqualTo(bought);
                Matcher last = ofVariant.get(ofVariant.size() - 1);
                assertThat(last.group(4)).isEqualTo(String.format(Locale.US, "%,d", bought));
                assertThat(last.group(5))
                        .isEqualTo(String.format(
                                Locale.US, "%,.2f", new BigDecimal("12.50").multiply(BigDecimal.valueOf(bought))));
            }
        }
    }
}
