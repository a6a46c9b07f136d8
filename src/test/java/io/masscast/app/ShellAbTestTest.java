package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import io.masscast.core.campaign.AbTestService;
import io.masscast.simulator.Fault;
import io.masscast.testing.MassMessagePosts;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A/B tests through the terminal on the OFAuth simulator: one approval sends every variant exactly once, to audiences
 * that share no fan, as the POST bodies show; the card compares the variants; a cancel deletes every variant and is
 * noted once in the lead's thread; bad tests are refused naming the field, and nothing is stored.
 */
class ShellAbTestTest {
    private static final String VIP = "1187345";
    private static final String DO_NOT_PPV = "1190022";
    private static final String TIPPERS = "1204999";
    private static final String WEEKEND = "1212083";

    @Test
    void aTestByListsSendsEachVariantOnceToItsListsLeavingOutTheEarlierVariantsLists() {
        try (ShellSession shell = new ShellSession()) {
            shell.type(
                    "/masscast new text=\"Option A\" lists=\"VIP whales\" split=lists text_b=\"Option B\" lists_b=Tippers"
                            + " text_c=\"Option C\" lists_c=\"Weekend regulars\"");
            shell.await("A/B test MC-1 (3 variants, split by lists: A MC-1 · B MC-2 · C MC-3) is waiting for approval");
            String card = shell.await("[Approve all: /masscast approve MC-1]");
            assertThat(card)
                    .contains("MC-1 · A/B test of 3 variants for Mila Rose — awaiting approval")
                    .contains("Variant A:    \"Option A\" · free · no media · VIP whales (")
                    .contains("Variant B:    \"Option B\" · free · no media · Tippers (")
                    .contains("Variant C:    \"Option C\" · free · no media · Weekend regulars (");
            // B and C leave out the earlier variants' lists: their own list's size is what they reach at most
            assertThat(card)
                    .containsPattern("VIP whales \\(([\\d,]+)\\) · ≈ \\1 recipients · MC-1")
                    .containsPattern(
                            "Tippers \\(([\\d,]+)\\) · excluding VIP whales \\([\\d,]+\\) · at most ≈ \\1 recipients"
                                    + " \\(a fan also on the lists of A gets that variant\\) · MC-2")
                    .containsPattern(
                            "Weekend regulars \\(([\\d,]+)\\) · excluding VIP whales \\([\\d,]+\\), Tippers \\([\\d,]+\\) · at most ≈ \\1 recipients"
                                    + " \\(a fan also on the lists of A or B gets that variant\\) · MC-3");
            assertThat(MassMessagePosts.requests(shell.simulator)).isEmpty();

            shell.type("/masscast edit MC-2 price=5");
            shell.await("MC-2 is variant B of the A/B test MC-1, and a test can't be edited: cancel it"
                    + " (/masscast cancel MC-1) and compose it again.");

            shell.type("/as bob").type("/masscast approve MC-2");
            shell.await("You approved the A/B test MC-1, every variant (MC-1, MC-2, MC-3); it is being sent now.");
            String live = shell.await("Verdict:");
            assertThat(live).contains("Comparison:   A: ");
            shell.await("Status:       sent "); // every variant sent (while they differ, the status lists each)
            assertThat(shell.endOfInput()).isZero();

            List<JsonObject> bodies = MassMessagePosts.bodies(shell.simulator);
            assertThat(bodies)
                    .extracting(b -> b.get("text").getAsString())
                    .containsExactlyInAnyOrder("Option A", "Option B", "Option C");
            JsonObject a = MassMessagePosts.withText(bodies, "Option A");
            assertThat(MassMessagePosts.ids(a, "userLists")).containsExactly(VIP);
            assertThat(a.has("excludeUserLists")).isFalse();
            JsonObject b = MassMessagePosts.withText(bodies, "Option B");
            assertThat(MassMessagePosts.ids(b, "userLists")).containsExactly(TIPPERS);
            assertThat(MassMessagePosts.ids(b, "excludeUserLists")).containsExactly(VIP);
            JsonObject c = MassMessagePosts.withText(bodies, "Option C");
            assertThat(MassMessagePosts.ids(c, "userLists")).containsExactly(WEEKEND);
            assertThat(MassMessagePosts.ids(c, "excludeUserLists")).containsExactly(VIP, TIPPERS);
        }
    }

    @Test
    void aRandomTestSplitsTheListsFansLessTheExcludedIntoDisjointSharesSentAsFanIds() {
        try (ShellSession shell = new ShellSession()) {
            shell.type(
                    "/masscast new text=\"Option A\" lists=\"VIP whales\",Tippers exclude=\"Do not PPV\" split=random"
                            + " text_b=\"Option B\"");
            shell.await("A/B test MC-1 (2 variants, random split of ");
            shell.await("awaiting approval");
            shell.type("/as bob").type("/masscast approve MC-1");
            shell.await("You approved the A/B test MC-1, every variant (MC-1, MC-2)");
            shell.await("Status:       sent "); // every variant sent (while they differ, the status lists each)
            assertThat(shell.endOfInput()).isZero();

            Set<String> pool =
                    SimulatorMessages.fansOf(shell.simulator, "conn_demo", List.of(VIP, TIPPERS), List.of(DO_NOT_PPV));
            MassMessagePosts.assertRandomSplit(MassMessagePosts.bodies(shell.simulator), pool, "Option A", "Option B");
        }
    }

    @Test
    void aShareLargerThanOneMessagesFanIdsGoesOutAsSeveralMessagesOfItsVariantEachSentOnce() {
        try (ShellSession shell = new ShellSession()) {
            Set<String> pool = new HashSet<>(SimulatorMessages.listMembers(shell.simulator, "conn_demo", "fans"));
            assertThat(pool).as("the simulated creator's fans").hasSizeGreaterThan(2 * AbTestService.MAX_USER_IDS);

            shell.type("/masscast new text=\"Option A\" lists=fans split=random text_b=\"Option B\"");
            shell.await("Variant A goes out as 2 messages (MC-1, MC-2): masscast puts at most 1,000 fan ids in one"
                    + " message.");
            shell.await("Variant B goes out as 2 messages (MC-3, MC-4)");
            String card = shell.await("[Approve all: /masscast approve MC-1]");
            assertThat(card).contains("in 2 messages (MC-1, MC-2)").contains("in 2 messages (MC-3, MC-4)");
            shell.type("/as bob").type("/masscast approve MC-3");
            shell.await("You approved the A/B test MC-1, every variant (MC-1, MC-2, MC-3, MC-4)");
            shell.await("Status:       sent ");
            assertThat(shell.endOfInput()).isZero();

            List<JsonObject> bodies = MassMessagePosts.bodies(shell.simulator);
            assertThat(bodies).hasSize(4);
            assertThat(bodies).extracting(b -> b.get("text").getAsString()).containsOnly("Option A", "Option B");
            Set<String> reached = new HashSet<>();
            Map<String, Integer> fansPerVariant = new HashMap<>();
            for (JsonObject body : bodies) {
                Set<String> fans = MassMessagePosts.fanIds(body);
                assertThat(fans).hasSizeLessThanOrEqualTo(AbTestService.MAX_USER_IDS);
                assertThat(reached).as("no fan gets two messages").doesNotContainAnyElementsOf(fans);
                reached.addAll(fans);
                fansPerVariant.merge(body.get("text").getAsString(), fans.size(), Integer::sum);
            }
            assertThat(reached).isEqualTo(pool);
            assertThat(Math.abs(fansPerVariant.get("Option A") - fansPerVariant.get("Option B")))
                    .isLessThanOrEqualTo(1);
        }
    }

    @Test
    void cancellingAScheduledTestDeletesEveryVariantAtOfAuthAndSaysSoOnceInTheLeadsThread() {
        try (ShellSession shell = new ShellSession()) {
            shell.type("/masscast new text=\"Later A\" lists=\"VIP whales\" split=lists text_b=\"Later B\""
                    + " lists_b=Tippers at=\"tomorrow 20:00\"");
            shell.await("[Approve all: /masscast approve MC-1]");
            shell.type("/as bob").type("/masscast approve MC-2");
            shell.await("You approved the A/B test MC-1, every variant (MC-1, MC-2)");
            shell.await("— scheduled");

            shell.type("/as alice").type("/masscast cancel MC-1");
            shell.await("↳ [#demo · MC-1 thread] Cancelled by @alice.");
            assertThat(shell.endOfInput()).isZero();

            assertThat(Pattern.compile("Cancelled by @alice")
                            .matcher(shell.screen())
                            .results())
                    .as("one note for the test, not one per variant")
                    .hasSize(1);
            assertThat(shell.simulator.requests())
                    .filteredOn(r -> r.method().equals("DELETE"))
                    .hasSize(2);
        }
    }

    @Test
    void aVariantThatFailedIsNamedOnTheCardAndLeftOutOfTheVerdict() {
        try (ShellSession shell = new ShellSession()) {
            shell.type("/masscast new text=\"Option A\" lists=\"VIP whales\" split=lists text_b=\"Option B\""
                    + " lists_b=Tippers text_c=\"Option C\" lists_c=\"Weekend regulars\"");
            shell.await("[Approve all: /masscast approve MC-1]");
            // OFAuth refuses the first message it is sent: variant A's
            shell.simulator.faults().add(Fault.status("POST", "/v2/access/mass-messages", 400));
            shell.type("/as bob").type("/masscast approve MC-1");

            String card = shell.await("Verdict:      Variant A (MC-1) failed and is left out. ");
            assertThat(card).contains("Comparison:   A: failed, nothing sent\n│               B: ");
            shell.await("MC-1 · A/B test of 3 variants for Mila Rose — sent, MC-1 failed");
            assertThat(shell.endOfInput()).isZero();
        }
    }

    @Test
    void badTestsAreRefusedNamingTheFieldAndNothingIsStored() {
        try (ShellSession shell = new ShellSession()) {
            shell.type("/masscast new text=\"Only one\" lists=fans split=lists");
            assertThat(shell.await("→ That can't go out as it is:\n  split: An A/B test needs variant B at least"))
                    .isNotEmpty();
            shell.type("/masscast new text=A lists=fans split=lists text_b=B lists_b=Tippers text_c=C lists_c=recent"
                    + " text_d=D lists_d=muted");
            assertThat(shell.await("lists_d: An A/B test has at most 3 variants, A, B, C: lists_d would add one more."))
                    .isNotEmpty();
            shell.await("text_d: An A/B test has at most 3 variants");
            shell.type("/masscast new text=A lists=fans split=lists text_b=\"\" lists_b=Tippers");
            shell.await("text_b: Variant B is the same message as A: give it its own text (text_b=)");
            shell.type("/masscast new text=A lists=fans,Tippers split=lists text_b=B lists_b=Tippers");
            shell.await("lists_b: List 1204999 is named for variant A and B: each list goes to one variant.");
            shell.type("/masscast new text=A lists=Tippers,fans split=lists text_b=B lists_b=\"VIP whales\"");
            shell.await("lists_b: Variant A goes to fans, every fan, and variant B leaves out the earlier variants'"
                    + " lists: it would reach no one. Give A its own lists instead of fans, or split at random"
                    + " (split=random).");
            shell.type("/masscast new text=A lists=fans split=lists text_b=B");
            assertThat(shell.await("lists_b: Split by lists, variant B needs its own lists: lists_b=..."))
                    .as("one problem, said once")
                    .doesNotContain("Choose who receives it")
                    .doesNotContain("would reach no one");
            shell.type("/masscast new text=A lists=fans text_b=B");
            shell.await("split: text_b makes this an A/B test: say how to split it");
            shell.type("/masscast new text=A lists=Tippers split=lists txt_b=B");
            shell.await("txt_b: Unknown field \"txt_b\" (did you mean text_b?)");
            shell.type("/masscast new text=A subscribed_after=2026-01-01 split=random text_b=B");
            shell.await("lists: A random split shares out the fans of its lists (or of users=): name the lists to"
                    + " split, such as lists=fans for every fan.");
            shell.type("/masscast new text=A users=51178407 split=random text_b=B");
            shell.await("users: This audience holds 1 fan: too few to split between 2 variants.");
            shell.type("/masscast new text=A lists=fans split=halves text_b=B");
            shell.await("split: \"halves\" is not a split: write split=lists");
            shell.type("/masscast new text=A lists=fans split=random text_b=B lists_b=Tippers");
            shell.await("lists_b: A random split sends every variant to one audience");

            shell.type("/masscast list");
            shell.await("No campaigns in this channel yet.");
            assertThat(shell.endOfInput()).isZero();
            assertThat(MassMessagePosts.requests(shell.simulator)).isEmpty();
        }
    }
}
