package io.masscast.adapter.slack;

import static io.masscast.adapter.slack.SlackPayloads.number;
import static io.masscast.adapter.slack.SlackPayloads.selected;
import static io.masscast.adapter.slack.SlackPayloads.text;
import static io.masscast.adapter.slack.SlackTestBed.ALICE;
import static io.masscast.adapter.slack.SlackTestBed.BOB;
import static io.masscast.adapter.slack.SlackTestBed.CAROL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.masscast.chart.XChartRenderer;
import io.masscast.core.policy.Fields;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.function.Predicate;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The issue's end-to-end flow with everything real but Slack itself: command, modal, field errors, campaign,
 * card posted by the outbox, the requester refused, an approver's click, exactly one POST at the OFAuth
 * simulator, and the card updated in place as the send goes out. Once over HTTP, once over Socket Mode.
 */
class SlackEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    /** Stats reach the card through the poller, whose cycle is 5 s on the simulator: allow a few on a busy machine. */
    private static final Duration STATS_PATIENCE = Duration.ofSeconds(40);

    @TempDir
    Path folder;

    @Test
    void composeApproveAndSendExactlyOnceOverHttp() throws Exception {
        try (MasscastWithSlack app = MasscastWithSlack.overHttp(folder)) {
            composeApproveAndSendOnce(app);
        }
    }

    @Test
    void composeApproveAndSendExactlyOnceOverSocketMode() throws Exception {
        try (MasscastWithSlack app = MasscastWithSlack.overSocketMode(folder)) {
            composeApproveAndSendOnce(app);
        }
    }

    @Test
    void twoApproversClickingAtTheSameMomentMakeOnePost() throws Exception {
        try (MasscastWithSlack app = MasscastWithSlack.overHttp(folder)) {
            bind(app);
            JsonObject view = openForm(app);
            assertThat(app.submit(ALICE, view, validInputs(view))).isEmpty();
            JsonObject approve = postedCard(app, "MC-1").get("Approve");

            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<MasscastWithSlack.Sent>> clicks = List.of(BOB, CAROL).stream()
                    .map(approver -> CompletableFuture.supplyAsync(() -> {
                        awaitLatch(start);
                        return app.click(approver, approve);
                    }))
                    .toList();
            start.countDown();
            List<String> answers = clicks.stream()
                    .map(CompletableFuture::join)
                    .map(sent -> app.slack.awaitResponse(sent.responseUrl()).param("text"))
                    .toList();

            assertThat(answers)
                    .filteredOn(answer -> answer.startsWith("You approved MC-1"))
                    .hasSize(1);
            await().atMost(PATIENCE).until(() -> app.creates().size() == 1);
            awaitCardUpdate(app, "MC-1", text -> text.contains("sending") || text.contains("— sent"));
            assertThat(app.creates()).hasSize(1);
        }
    }

    @Test
    void theDigestAskedForIsUploadedWithItsChartAndLinksTheBestCampaignsCard() throws Exception {
        try (MasscastWithSlack app = MasscastWithSlack.overHttp(folder)) {
            bind(app);
            assertThat(app.slash(
                                    ALICE,
                                    "new text=\"New set\" lists=fans media=https://cdn.example.com/1.jpg price=12.50")
                            .answer())
                    .hasValueSatisfying(answer ->
                            assertThat(answer.get("text").getAsString()).startsWith("MC-1 is waiting for approval"));
            FakeSlackApi.Call card = app.slack.awaitCall(
                    "chat.postMessage",
                    call -> BlockKitJson.text(call.jsonParam("blocks").getAsJsonArray())
                            .contains("MC-1 ·"));
            app.click(
                    BOB,
                    BlockKitJson.buttons(card.jsonParam("blocks").getAsJsonArray())
                            .get("Approve"));
            await().atMost(PATIENCE).until(() -> !app.creates().isEmpty());
            app.simulator.clock().advance(Duration.ofMinutes(10)); // delivered, and every purchase made
            // the digest reads the stored snapshots: wait until one with purchases is on the card
            awaitCardUpdate(app, "MC-1", text -> text.contains("Revenue") && !text.contains("$0.00"));

            MasscastWithSlack.Sent asked = app.slash(ALICE, "digest 24h");

            assertThat(asked.answer())
                    .hasValueSatisfying(answer -> assertThat(answer.get("text").getAsString())
                            .startsWith("The digest of the last 24 hours is being posted in this channel"));
            FakeSlackApi.Call share = app.slack.awaitCall("files.completeUploadExternal");
            FakeSlackApi.Call ask = app.slack.awaitCall("files.getUploadURLExternal");
            String cardTs = app.slack.awaitCall("chat.getPermalink").param("message_ts");
            assertThat(share.param("channel_id")).isEqualTo(SlackPayloads.CHANNEL);
            assertThat(share.param("initial_comment"))
                    .startsWith("*Digest asked for by <@" + ALICE + "> · Mila Rose* · ")
                    .contains("*Last 24 hours* · 1 campaign sent")
                    .contains("Best: MC-1 · $")
                    .contains(FakeSlackApi.permalink(SlackPayloads.CHANNEL, cardTs));
            assertThat(app.slack.calls("chat.update"))
                    .as("the link is to the message that shows MC-1's card")
                    .anyMatch(update -> update.param("ts").equals(cardTs)
                            && BlockKitJson.text(update.jsonParam("blocks").getAsJsonArray())
                                    .contains("MC-1 ·"));
            byte[] png = app.slack.uploads().get(0).bytes();
            assertThat(ask.param("length")).isEqualTo(String.valueOf(png.length));
            BufferedImage chart = ImageIO.read(new ByteArrayInputStream(png));
            assertThat(chart.getWidth()).isEqualTo(XChartRenderer.WIDTH);
            assertThat(chart.getHeight()).isEqualTo(XChartRenderer.HEIGHT);
            assertThat(app.slack.methodsCalled())
                    .allMatch(method ->
                            SlackApi.METHOD_SCOPES.containsKey(method) || method.equals("apps.connections.open"));
        }
    }

    private static void composeApproveAndSendOnce(MasscastWithSlack app) {
        bind(app);
        JsonObject view = openForm(app);

        JsonObject unreadable = app.submit(
                        ALICE,
                        view,
                        Map.of(Fields.TEXT, text("New set is up 🔥"), Fields.MEDIA, text("not-a-media-item")))
                .orElseThrow();
        assertThat(unreadable.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(unreadable.getAsJsonObject("errors").keySet()).containsExactly(Fields.MEDIA);
        JsonObject refused = app.submit(
                        ALICE,
                        view,
                        Map.of(
                                Fields.TEXT,
                                text("New set is up 🔥"),
                                ComposeModal.MEDIA_VAULT,
                                selected("multi_static_select", firstVaultItem(view)),
                                Fields.PRICE,
                                number("1.50")))
                .orElseThrow();
        assertThat(refused.getAsJsonObject("errors").keySet())
                .contains(Fields.LISTS, Fields.PRICE)
                .allSatisfy(block -> assertThat(BlockKitJson.inputs(view)).containsKey(block));
        assertThat(app.creates()).isEmpty();

        assertThat(app.submit(ALICE, view, validInputs(view))).isEmpty();
        assertThat(app.slack.awaitCall("chat.postEphemeral").param("text")).contains("MC-1 is waiting for approval");

        Map<String, JsonObject> buttons = postedCard(app, "MC-1");
        assertThat(buttons.keySet()).containsExactly("Approve", "Reject", "Edit", "Cancel");
        assertThat(buttons.get("Approve")
                        .getAsJsonObject("confirm")
                        .getAsJsonObject("text")
                        .get("text")
                        .getAsString())
                .contains("$12.50", "right now");

        MasscastWithSlack.Sent own = app.click(ALICE, buttons.get("Approve"));
        FakeSlackApi.Call refusal = app.slack.awaitResponse(own.responseUrl());
        assertThat(refusal.param("response_type")).isEqualTo("ephemeral");
        assertThat(refusal.param("text")).contains("You requested MC-1");
        assertThat(app.card("MC-1").title()).endsWith("awaiting approval");

        MasscastWithSlack.Sent approved = app.click(BOB, buttons.get("Approve"));
        assertThat(app.slack.awaitResponse(approved.responseUrl()).param("text"))
                .startsWith("You approved MC-1");

        await().atMost(PATIENCE).until(() -> !app.creates().isEmpty());
        JsonObject post = JsonParser.parseString(app.creates().get(0).body()).getAsJsonObject();
        assertThat(app.creates().get(0).connectionId()).isEqualTo("conn_demo");
        assertThat(post.get("text").getAsString()).isEqualTo("New set is up 🔥");
        assertThat(post.get("price").getAsBigDecimal()).isEqualByComparingTo("12.50");
        assertThat(post.getAsJsonArray("userLists").toString()).isEqualTo("[1187345]");
        assertThat(post.getAsJsonArray("mediaItems").toString()).isEqualTo("[" + firstVaultItem(view) + "]");
        assertThat(post.get("previewMediaCount").getAsInt()).isZero();
        awaitCardUpdate(app, "MC-1", text -> text.contains("sending") || text.contains("— sent"));

        app.simulator.clock().advance(Duration.ofMinutes(5));
        awaitCardUpdate(app, "MC-1", text -> text.contains("— sent"));
        assertThat(app.creates()).hasSize(1);
        assertThat(app.slack.methodsCalled())
                .allMatch(
                        method -> SlackApi.METHOD_SCOPES.containsKey(method) || method.equals("apps.connections.open"));
    }

    // ---- steps

    private static void bind(MasscastWithSlack app) {
        Optional<JsonObject> bound = app.slash(
                        MasscastWithSlack.ADMIN,
                        "bind connection=conn_demo zone=Europe/Berlin " + "approvers=<@" + ALICE + "|alice>,<@" + BOB
                                + "|bob>,<@" + CAROL + "|carol>")
                .answer();
        assertThat(bound)
                .hasValueSatisfying(
                        answer -> assertThat(answer.get("text").getAsString()).contains("now speaks for Mila Rose"));
    }

    private static JsonObject openForm(MasscastWithSlack app) {
        MasscastWithSlack.Sent command = app.slash(ALICE, "new");
        assertThat(command.answer()).isEmpty();
        JsonObject view = app.slack
                .awaitCall("views.open", call -> call.param("trigger_id").equals(command.triggerId()))
                .jsonParam("view")
                .getAsJsonObject();
        assertThat(BlockKitJson.element(view, Fields.LISTS).get("type").getAsString())
                .isEqualTo("multi_static_select");
        return view;
    }

    private static Map<String, JsonObject> validInputs(JsonObject view) {
        return Map.of(
                Fields.TEXT,
                text("New set is up 🔥"),
                Fields.LISTS,
                selected("multi_static_select", BlockKitJson.listId(view, "VIP whales")),
                ComposeModal.MEDIA_VAULT,
                selected("multi_static_select", firstVaultItem(view)),
                Fields.PREVIEW,
                number("0"),
                Fields.PRICE,
                number("12.50"));
    }

    /** The card the outbox posted for {@code humanId}: its buttons by label. */
    private static Map<String, JsonObject> postedCard(MasscastWithSlack app, String humanId) {
        FakeSlackApi.Call posted = app.slack.awaitCall(
                "chat.postMessage",
                call -> BlockKitJson.text(call.jsonParam("blocks").getAsJsonArray())
                        .contains(humanId + " ·"));
        assertThat(posted.param("channel")).isEqualTo(SlackPayloads.CHANNEL);
        return BlockKitJson.buttons(posted.jsonParam("blocks").getAsJsonArray());
    }

    private static void awaitCardUpdate(MasscastWithSlack app, String humanId, Predicate<String> showing) {
        await().atMost(STATS_PATIENCE)
                .until(() -> app.slack.calls("chat.update").stream()
                        .map(call -> BlockKitJson.text(call.jsonParam("blocks").getAsJsonArray()))
                        .anyMatch(text -> text.contains(humanId + " ·") && showing.test(text)));
    }

    private static String firstVaultItem(JsonObject view) {
        return BlockKitJson.element(view, ComposeModal.MEDIA_VAULT)
                .getAsJsonArray("options")
                .get(0)
                .getAsJsonObject()
                .get("value")
                .getAsString();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
