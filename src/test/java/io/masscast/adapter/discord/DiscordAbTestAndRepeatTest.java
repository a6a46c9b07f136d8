package io.masscast.adapter.discord;

import static io.masscast.adapter.discord.DiscordTestBed.ALICE_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.DAVE_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.ERIN_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import io.masscast.app.SimulatorMessages;
import io.masscast.core.command.ActionId;
import io.masscast.core.command.CampaignCards;
import io.masscast.core.policy.Fields;
import io.masscast.testing.MassMessagePosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.dv8tion.jda.api.utils.data.DataObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A/B tests, the repeat guard and the twin guard on Discord, as a Discord user sees them, with everything real but
 * Discord itself ({@link MasscastWithDiscord}): a test composed with {@code /masscast new}'s options or in the form
 * they are carried into, the one card that shows every variant, the clicks on its buttons and on the ephemeral
 * confirmations, and the POSTs the OFAuth simulator receives.
 */
class DiscordAbTestAndRepeatTest {
    private static final Duration PATIENCE = MasscastWithDiscord.PATIENCE;
    private static final String VIP = "1187345";
    private static final String DO_NOT_PPV = "1190022";
    private static final String TIPPERS = "1204999";
    private static final String WEEKEND = "1212083";

    @TempDir
    Path folder;

    @Test
    void aTestByListsIsApprovedOnceByAnApproverAndSendsEachVariantOnceToItsOwnLists() {
        try (MasscastWithDiscord app = MasscastWithDiscord.bound(folder)) {
            compose(
                    app,
                    Map.ofEntries(
                            Map.entry(Fields.TEXT, "Option A"),
                            Map.entry(Fields.LISTS, "VIP whales"),
                            Map.entry(Fields.PRICE, 12.5),
                            Map.entry(Fields.MEDIA, "https://cdn.example.com/a.jpg"),
                            Map.entry(Fields.SPLIT, "lists"),
                            Map.entry("text_b", "Option B"),
                            Map.entry("lists_b", "Tippers"),
                            Map.entry("price_b", 9.99),
                            Map.entry("media_b", "https://cdn.example.com/b1.jpg, https://cdn.example.com/b2.jpg"),
                            Map.entry("text_c", "Option C"),
                            Map.entry("lists_c", "Weekend regulars")),
                    "A/B test MC-1 (3 variants, split by lists: A MC-1 · B MC-2 · C MC-3) is waiting for approval");

            FakeDiscordChannels.Call card = app.awaitPostedCard("MC-1");
            assertThat(card.embed().getString("title"))
                    .contains("MC-1 · A/B test of 3 variants for Mila Rose — awaiting approval");
            assertThat(DiscordCardTest.fields(card.embed()))
                    .as("every variant side by side: text, price, media, its lists, how many it reaches")
                    .anySatisfy(field -> assertThat(field)
                            .matches(
                                    "Variant A: \"Option A\" · \\$12\\.50 PPV · 1 media item · VIP whales \\(([\\d,]+)\\)"
                                            + " · ≈ \\1 recipients · MC-1"))
                    .anySatisfy(field -> assertThat(field)
                            .matches("Variant B: \"Option B\" · \\$9\\.99 PPV · 2 media items · Tippers \\(([\\d,]+)\\)"
                                    + " · excluding VIP whales \\([\\d,]+\\) · at most ≈ \\1 recipients \\(a fan also on the"
                                    + " lists of A gets that variant\\) · MC-2"))
                    .anySatisfy(
                            field -> assertThat(field)
                                    .matches(
                                            "Variant C: \"Option C\" · \\$12\\.50 PPV · 1 media item · Weekend regulars"
                                                    + " \\(([\\d,]+)\\) · excluding VIP whales \\([\\d,]+\\), Tippers \\([\\d,]+\\) · at most ≈"
                                                    + " \\1 recipients \\(a fan also on the lists of A or B gets that variant\\) · MC-3"));
            Map<String, String> buttons = buttons(card);
            assertThat(buttons.keySet()).containsExactly("Approve all", "Reject all", "Cancel");

            String approveAll = buttons.get("Approve all");
            DiscordEvents.Answer asked = app.answered(app.click(ERIN_MEMBER, approveAll), "Approve the A/B test MC-1?");
            assertThat(asked.content())
                    .contains("Send 3 variants (A $12.50 to ≈ ", ", B $9.99 to at most ≈ ", ", C $12.50 to at most ≈ ");
            app.answered(app.click(ERIN_MEMBER, asked.button("Approve all")), "You are not an approver");
            assertThat(app.creates()).as("a refused approval sends nothing").isEmpty();

            DiscordEvents.Answer confirm =
                    app.answered(app.click(DAVE_MEMBER, approveAll), "Approve the A/B test MC-1?");
            app.answered(
                    app.click(DAVE_MEMBER, confirm.button("Approve all")),
                    "You approved the A/B test MC-1, every variant (MC-1, MC-2, MC-3)");

            await().atMost(PATIENCE).until(() -> app.creates().size() == 3);
            List<JsonObject> bodies = MassMessagePosts.bodies(app.simulator);
            assertThat(bodies)
                    .extracting(body -> body.get("text").getAsString())
                    .containsExactlyInAnyOrder("Option A", "Option B", "Option C");
            JsonObject a = MassMessagePosts.withText(bodies, "Option A");
            JsonObject b = MassMessagePosts.withText(bodies, "Option B");
            JsonObject c = MassMessagePosts.withText(bodies, "Option C");
            assertThat(MassMessagePosts.ids(a, "userLists")).containsExactly(VIP);
            assertThat(a.has("excludeUserLists")).isFalse();
            assertThat(MassMessagePosts.ids(b, "userLists")).containsExactly(TIPPERS);
            assertThat(MassMessagePosts.ids(b, "excludeUserLists")).containsExactly(VIP);
            assertThat(MassMessagePosts.ids(c, "userLists")).containsExactly(WEEKEND);
            assertThat(MassMessagePosts.ids(c, "excludeUserLists")).containsExactly(VIP, TIPPERS);
            assertThat(List.of(a, b, c))
                    .extracting(body -> body.get("price")
                            .getAsBigDecimal()
                            .stripTrailingZeros()
                            .toPlainString())
                    .containsExactly("12.5", "9.99", "12.5");
            assertThat(List.of(a, b, c))
                    .extracting(body -> body.getAsJsonArray("mediaItems").toString())
                    .containsExactly(
                            "[\"https://cdn.example.com/a.jpg\"]",
                            "[\"https://cdn.example.com/b1.jpg\",\"https://cdn.example.com/b2.jpg\"]",
                            "[\"https://cdn.example.com/a.jpg\"]");

            app.advance(Duration.ofMinutes(10)); // fans open and buy; the poller's next round is due
            DataObject compared = app.awaitCardEdit(
                            card.messageId(),
                            embed -> DiscordCardTest.fields(embed).stream()
                                    .anyMatch(field -> field.startsWith("Verdict: ")))
                    .embed();
            assertThat(DiscordCardTest.fields(compared))
                    .anySatisfy(field -> assertThat(field)
                            .startsWith("Comparison: A: ")
                            .contains("\nB: ", "\nC: ", " sent · ", " viewed (", " bought (", "conversion"));
            assertThat(compared.getString("title")).doesNotContain("awaiting approval");
            assertThat(app.postedCardTitles())
                    .as("one card for the whole test, edited in place")
                    .hasSize(1);
            assertThat(app.creates()).as("each variant exactly once").hasSize(3);
        }
    }

    @Test
    void aRandomSplitComposedInTheFormSendsEachVariantToItsOwnShareOfTheListsFansLessTheExcluded() {
        try (MasscastWithDiscord app = MasscastWithDiscord.bound(folder)) {
            // the test's options come along into the form, where variant A and the audience are chosen
            DiscordEvents.Answer form = app.events.awaitAnswer(
                    app.slash(ALICE_MEMBER, "new", Map.of(Fields.SPLIT, "random", "text_b", "Option B")));
            assertThat(form.how()).isEqualTo("modal");
            String composed = app.submit(
                    ALICE_MEMBER,
                    form.json().getString("custom_id"),
                    Map.of(
                            Fields.TEXT, "Option A",
                            Fields.LISTS, List.of(VIP, TIPPERS),
                            Fields.EXCLUDE, List.of(DO_NOT_PPV),
                            Fields.PRICE, "",
                            Fields.AT, ""));
            app.answered(composed, "A/B test MC-1 (2 variants, random split of ");
            Set<String> pool =
                    SimulatorMessages.fansOf(app.simulator, "conn_demo", List.of(VIP, TIPPERS), List.of(DO_NOT_PPV));

            FakeDiscordChannels.Call card = app.awaitPostedCard("MC-1");
            assertThat(DiscordCardTest.fields(card.embed()))
                    .anySatisfy(field -> assertThat(field)
                            .startsWith("A/B test: random split of " + String.format("%,d", pool.size()) + " fans"));
            DiscordEvents.Answer confirm = app.answered(
                    app.click(DAVE_MEMBER, buttons(card).get("Approve all")), "Approve the A/B test MC-1?");
            app.answered(
                    app.click(DAVE_MEMBER, confirm.button("Approve all")),
                    "You approved the A/B test MC-1, every variant (MC-1, MC-2)");

            await().atMost(PATIENCE).until(() -> app.creates().size() == 2);
            MassMessagePosts.assertRandomSplit(MassMessagePosts.bodies(app.simulator), pool, "Option A", "Option B");
        }
    }

    @Test
    void rejectAllRejectsEveryVariantWithTheReasonAndSendsNothing() {
        try (MasscastWithDiscord app = MasscastWithDiscord.bound(folder)) {
            compose(
                    app,
                    Map.of(
                            Fields.TEXT,
                            "Option A",
                            Fields.LISTS,
                            "VIP whales",
                            Fields.SPLIT,
                            "lists",
                            "text_b",
                            "Option B",
                            "lists_b",
                            "Tippers"),
                    "A/B test MC-1 (2 variants");
            FakeDiscordChannels.Call card = app.awaitPostedCard("MC-1");

            DiscordEvents.Answer form =
                    app.events.awaitAnswer(app.click(DAVE_MEMBER, buttons(card).get("Reject all")));
            assertThat(form.how()).isEqualTo("modal");
            app.answered(
                    app.submit(
                            DAVE_MEMBER,
                            form.json().getString("custom_id"),
                            Map.of(DiscordRejectModal.REASON, "Both too pushy")),
                    "The A/B test MC-1 is rejected, every variant");

            FakeDiscordChannels.Call rejected = app.awaitCardEdit(
                    card.messageId(), embed -> embed.getString("title").endsWith("rejected"));
            assertThat(rejected.embed().toString()).contains("Both too pushy");
            assertThat(buttons(rejected)).as("a rejected test keeps no buttons").isEmpty();
            assertThat(app.creates()).isEmpty();
        }
    }

    @Test
    void aRepeatsCardWarnsAndItsApprovalTakesOneMoreConfirmationThenSendsOnce() {
        try (MasscastWithDiscord app = MasscastWithDiscord.bound(folder)) {
            compose(
                    app,
                    Map.of(Fields.TEXT, "Weekend set", Fields.LISTS, "VIP whales"),
                    "MC-1 is waiting for approval");
            approve(app, app.awaitPostedCard("MC-1"), "Approve", "You approved MC-1");
            await().atMost(PATIENCE).until(() -> app.creates().size() == 1);
            app.advance(Duration.ofMinutes(20)); // out of the twin guard's 15 minutes, well within the 7 days
            String first = app.awaitPostedCard("MC-1").messageId();
            app.awaitCardEdit(
                    first,
                    embed -> DiscordCardTest.fields(embed).stream()
                            .anyMatch(field -> field.startsWith(CampaignCards.VIEWED + ": ")));

            compose(
                    app,
                    Map.of(Fields.TEXT, "Weekend set", Fields.LISTS, "VIP whales, Tippers"),
                    "MC-2 is waiting for approval");
            FakeDiscordChannels.Call card = app.awaitPostedCard("MC-2");
            assertThat(DiscordCardTest.fields(card.embed()))
                    .anySatisfy(field -> assertThat(field)
                            .startsWith(CampaignCards.REPEATS + ": The same text as MC-1, sent 20 min ago to an"
                                    + " overlapping audience: ")
                            .containsPattern("[0-9,]+ sent · [0-9,]+ viewed")
                            .endsWith("Approving it takes one more confirmation."));

            DiscordEvents.Answer asked =
                    app.answered(app.click(DAVE_MEMBER, buttons(card).get("Approve")), "Approve MC-2?");
            DiscordEvents.Answer repeat = app.answered(
                    app.click(DAVE_MEMBER, asked.button("Approve")), "Approve MC-2 although it repeats MC-1?");
            assertThat(repeat.content()).contains("Fans on both audiences get it again.");
            assertThat(repeat.buttonsByLabel().keySet()).containsExactly("Approve anyway", "Not yet");
            assertThat(ActionId.decode(repeat.button("Approve anyway").substring(DiscordReplies.CONFIRM.length())))
                    .hasValueSatisfying(id -> assertThat(id.verb()).isEqualTo(ActionId.Verb.APPROVE_REPEAT));
            assertThat(app.creates()).as("the first approval sends nothing").hasSize(1);

            app.answered(app.click(DAVE_MEMBER, repeat.button("Approve anyway")), "You approved MC-2");
            await().atMost(PATIENCE).until(() -> app.creates().size() == 2);
            JsonObject second = MassMessagePosts.bodies(app.simulator).get(1);
            assertThat(MassMessagePosts.ids(second, "userLists")).containsExactly(VIP, TIPPERS);
            app.awaitCardEdit(
                    card.messageId(), embed -> !embed.getString("title").contains("awaiting approval"));
            assertThat(app.creates()).as("sent exactly once").hasSize(2);
        }
    }

    @Test
    void anIdenticalTextWithinFifteenMinutesIsRefusedUntilTheRequesterConfirms() {
        try (MasscastWithDiscord app = MasscastWithDiscord.bound(folder)) {
            compose(app, Map.of(Fields.TEXT, "Flash sale", Fields.LISTS, "VIP whales"), "MC-1 is waiting for approval");
            app.advance(Duration.ofMinutes(5));

            DiscordEvents.Answer refused = compose(
                    app, Map.of(Fields.TEXT, "Flash sale", Fields.LISTS, "Tippers"), "That can't go out as it is");
            assertThat(refused.content())
                    .contains("**confirm**: MC-1 has the same text and goes out within 15 minutes of this one");

            compose(
                    app,
                    Map.of(Fields.TEXT, "Flash sale", Fields.LISTS, "Tippers", Fields.CONFIRM, true),
                    "MC-2 is waiting for approval");
            assertThat(app.awaitPostedCard("MC-2").embed().getString("title")).contains("awaiting approval");
            assertThat(app.creates()).isEmpty();
        }
    }

    @Test
    void aTwinComposedInTheFormIsSentOnPurposeWithTheButtonOnItsRefusal() {
        try (MasscastWithDiscord app = MasscastWithDiscord.bound(folder)) {
            compose(app, Map.of(Fields.TEXT, "Flash sale", Fields.LISTS, "VIP whales"), "MC-1 is waiting for approval");
            DiscordEvents.Answer form = app.events.awaitAnswer(app.slash(ALICE_MEMBER, "new", Map.of()));
            assertThat(form.how()).isEqualTo("modal");
            Map<String, Object> typed = Map.of(
                    Fields.TEXT, "Flash sale",
                    Fields.LISTS, List.of(TIPPERS),
                    Fields.EXCLUDE, List.of(),
                    Fields.PRICE, "",
                    Fields.AT, "");

            DiscordEvents.Answer refused = app.answered(
                    app.submit(ALICE_MEMBER, form.json().getString("custom_id"), typed),
                    "**confirm**: MC-1 has the same text and goes out within 15 minutes of this one");
            assertThat(refused.buttonsByLabel().keySet())
                    .as("the form has no room for the confirmation: the refusal offers it")
                    .containsExactly("Fix", "Send it although it repeats");
            DiscordEvents.Answer reopened = app.events.awaitAnswer(app.click(ALICE_MEMBER, refused.button("Fix")));
            assertThat(reopened.how()).isEqualTo("modal");
            DiscordEvents.Answer again = app.answered(
                    app.submit(ALICE_MEMBER, reopened.json().getString("custom_id"), typed),
                    "**confirm**: MC-1 has the same text");

            DiscordEvents.Answer composed = app.answered(
                    app.click(ALICE_MEMBER, again.button("Send it although it repeats")),
                    "MC-2 is waiting for approval");
            assertThat(composed.how())
                    .as("the refusal is replaced by the outcome")
                    .contains("edit");
            assertThat(composed.json().getArray("components").isEmpty())
                    .as("its buttons go with it")
                    .isTrue();
            assertThat(DiscordCardTest.fields(app.awaitPostedCard("MC-2").embed()))
                    .anySatisfy(field -> assertThat(field).startsWith(CampaignCards.AUDIENCE + ": Tippers ("));
            assertThat(app.creates()).isEmpty();
        }
    }

    /** Alice composes with {@code /masscast new} and these options; masscast answers her privately {@code expected}. */
    private static DiscordEvents.Answer compose(MasscastWithDiscord app, Map<String, Object> options, String expected) {
        return app.answered(app.slash(ALICE_MEMBER, "new", options), expected);
    }

    /** An approver clicks the card's button {@code label} and confirms; masscast answers {@code expected}. */
    private static void approve(MasscastWithDiscord app, FakeDiscordChannels.Call card, String label, String expected) {
        DiscordEvents.Answer asked =
                app.events.awaitAnswer(app.click(DAVE_MEMBER, buttons(card).get(label)));
        app.answered(app.click(DAVE_MEMBER, asked.button(label)), expected);
    }

    private static Map<String, String> buttons(FakeDiscordChannels.Call card) {
        return new DiscordEvents.Answer("", "post", card.json(), false).buttonsByLabel();
    }
}
