package io.masscast.adapter.slack;

import static io.masscast.adapter.slack.SlackPayloads.option;
import static io.masscast.adapter.slack.SlackPayloads.selected;
import static io.masscast.adapter.slack.SlackPayloads.text;
import static io.masscast.adapter.slack.SlackTestBed.ALICE;
import static io.masscast.adapter.slack.SlackTestBed.BOB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.masscast.core.command.ActionId;
import io.masscast.core.policy.Fields;
import io.masscast.testing.MassMessagePosts;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repeat guard and an A/B test on Slack, everything real but Slack itself: the blocks the card and the
 * confirmation are posted with, the clicks an approver makes, and the POSTs the OFAuth simulator receives.
 */
class SlackAbTestAndRepeatTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    @TempDir
    Path folder;

    @Test
    void aRepeatsCardWarnsAndItsApprovalSendsOnlyOnceTheApproverConfirms() throws Exception {
        try (MasscastWithSlack app = MasscastWithSlack.overHttp(folder)) {
            bind(app);
            assertThat(answer(app.slash(ALICE, "new text=\"Weekend set\" lists=fans")))
                    .startsWith("MC-1 is waiting for approval");
            app.click(BOB, postedCard(app, "MC-1").get("Approve"));
            await().atMost(PATIENCE).until(() -> app.creates().size() == 1);
            app.simulator.clock().advance(Duration.ofMinutes(10));
            awaitCardUpdate(app, "MC-1", text -> text.contains("— sent") && text.contains("Viewed"));

            assertThat(answer(app.slash(ALICE, "new text=\"Weekend set\" lists=\"VIP whales\" confirm=yes")))
                    .startsWith("MC-2 is waiting for approval");
            FakeSlackApi.Call card = postedCall(app, "MC-2");
            assertThat(BlockKitJson.text(card.jsonParam("blocks").getAsJsonArray()))
                    .contains("*Repeats*")
                    .containsPattern(
                            "The same text as MC-1, sent .* to an overlapping audience: [0-9,]+ sent · [0-9,]+ viewed")
                    .contains("Approving it takes one more confirmation.");

            MasscastWithSlack.Sent first = app.click(
                    BOB,
                    BlockKitJson.buttons(card.jsonParam("blocks").getAsJsonArray())
                            .get("Approve"));
            FakeSlackApi.Call asked = app.slack.awaitResponse(first.responseUrl());
            assertThat(asked.param("response_type")).isEqualTo("ephemeral");
            JsonArray blocks = asked.jsonParam("blocks").getAsJsonArray();
            assertThat(BlockKitJson.text(blocks))
                    .contains("Approve MC-2 although it repeats MC-1?")
                    .contains("Fans on both audiences get it again.");
            JsonObject anyway = BlockKitJson.buttons(blocks).get("Approve anyway");
            assertThat(ActionId.decode(anyway.get("value").getAsString()))
                    .get()
                    .satisfies(id -> assertThat(id.verb()).isEqualTo(ActionId.Verb.APPROVE_REPEAT));
            assertThat(anyway.has("confirm"))
                    .as("the message is the confirmation")
                    .isFalse();
            assertThat(app.card("MC-2").title()).endsWith("awaiting approval");
            assertThat(app.creates()).hasSize(1);

            MasscastWithSlack.Sent confirmed = app.click(BOB, anyway);
            assertThat(app.slack.awaitResponse(confirmed.responseUrl()).param("text"))
                    .startsWith("You approved MC-2");
            await().atMost(PATIENCE).until(() -> app.creates().size() == 2);
            assertThat(MassMessagePosts.ids(
                            MassMessagePosts.bodies(app.simulator).get(1), "userLists"))
                    .containsExactly("1187345");
        }
    }

    @Test
    void aTestComposedInTheModalIsApprovedOnceAndSendsEachVariantOnceToItsOwnLists() throws Exception {
        try (MasscastWithSlack app = MasscastWithSlack.overHttp(folder)) {
            bind(app);
            MasscastWithSlack.Sent command = app.slash(ALICE, "new");
            JsonObject view = app.slack
                    .awaitCall("views.open", call -> call.param("trigger_id").equals(command.triggerId()))
                    .jsonParam("view")
                    .getAsJsonObject();
            String vip = BlockKitJson.listId(view, "VIP whales");
            String tippers = BlockKitJson.listId(view, "Tippers");
            // A to VIP whales, B to the lists given
            Function<String, Map<String, JsonObject>> testTo = listsB -> Map.of(
                    Fields.TEXT,
                    text("Option A"),
                    Fields.LISTS,
                    selected("multi_static_select", vip),
                    Fields.SPLIT,
                    option("lists"),
                    "text_b",
                    text("Option B"),
                    "lists_b",
                    selected("multi_static_select", listsB));
            assertThat(app.submit(ALICE, view, testTo.apply(vip)))
                    .hasValueSatisfying(refused -> assertThat(refused.getAsJsonObject("errors")
                                    .get("lists_b")
                                    .getAsString())
                            .contains("is named for variant A and B: each list goes to one variant"));
            assertThat(app.creates()).isEmpty();

            assertThat(app.submit(ALICE, view, testTo.apply(tippers))).isEmpty();
            assertThat(app.slack.awaitCall("chat.postEphemeral").param("text"))
                    .contains("A/B test MC-1 (2 variants, split by lists: A MC-1 · B MC-2) is waiting for approval");
            FakeSlackApi.Call card = postedCall(app, "MC-1");
            assertThat(BlockKitJson.text(card.jsonParam("blocks").getAsJsonArray()))
                    .contains("*Variant A*\n\"Option A\"")
                    .contains("*Variant B*\n\"Option B\"");
            Map<String, JsonObject> buttons =
                    BlockKitJson.buttons(card.jsonParam("blocks").getAsJsonArray());
            assertThat(buttons.keySet()).containsExactly("Approve all", "Reject all", "Cancel");

            MasscastWithSlack.Sent approved = app.click(BOB, buttons.get("Approve all"));
            assertThat(app.slack.awaitResponse(approved.responseUrl()).param("text"))
                    .startsWith("You approved the A/B test MC-1, every variant (MC-1, MC-2)");
            await().atMost(PATIENCE).until(() -> app.creates().size() == 2);
            app.simulator.clock().advance(Duration.ofMinutes(10));
            awaitCardUpdate(app, "MC-1", text -> text.contains("*Verdict*"));

            List<JsonObject> bodies = MassMessagePosts.bodies(app.simulator);
            assertThat(bodies)
                    .extracting(b -> b.get("text").getAsString())
                    .containsExactlyInAnyOrder("Option A", "Option B");
            JsonObject b = MassMessagePosts.withText(bodies, "Option B");
            assertThat(MassMessagePosts.ids(b, "userLists")).containsExactly(tippers);
            assertThat(MassMessagePosts.ids(b, "excludeUserLists")).containsExactly(vip);
            assertThat(app.creates()).hasSize(2);
        }
    }

    private static void bind(MasscastWithSlack app) {
        Optional<JsonObject> bound = app.slash(
                        MasscastWithSlack.ADMIN,
                        "bind connection=conn_demo zone=Europe/Berlin " + "approvers=<@" + ALICE + "|alice>,<@" + BOB
                                + "|bob>")
                .answer();
        assertThat(bound)
                .hasValueSatisfying(
                        answer -> assertThat(answer.get("text").getAsString()).contains("now speaks for Mila Rose"));
    }

    private static String answer(MasscastWithSlack.Sent sent) {
        return sent.answer().orElseThrow().get("text").getAsString();
    }

    private static FakeSlackApi.Call postedCall(MasscastWithSlack app, String humanId) {
        return app.slack.awaitCall(
                "chat.postMessage",
                call -> BlockKitJson.text(call.jsonParam("blocks").getAsJsonArray())
                        .contains(humanId + " ·"));
    }

    private static Map<String, JsonObject> postedCard(MasscastWithSlack app, String humanId) {
        return BlockKitJson.buttons(postedCall(app, humanId).jsonParam("blocks").getAsJsonArray());
    }

    private static void awaitCardUpdate(MasscastWithSlack app, String humanId, Predicate<String> showing) {
        await().atMost(PATIENCE)
                .until(() -> app.slack.calls("chat.update").stream()
                        .map(call -> BlockKitJson.text(call.jsonParam("blocks").getAsJsonArray()))
                        .anyMatch(text -> text.contains(humanId + " ·") && showing.test(text)));
    }
}
