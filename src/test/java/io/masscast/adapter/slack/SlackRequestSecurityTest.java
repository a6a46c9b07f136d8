package io.masscast.adapter.slack;

import static io.masscast.adapter.slack.SlackTestBed.ALICE;
import static io.masscast.adapter.slack.SlackTestBed.SIGNING_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import io.javalin.Javalin;
import io.masscast.config.Secret;
import io.masscast.config.SlackSettings;
import io.masscast.core.command.ActionId;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.policy.Fields;
import io.masscast.testing.CommandLayer;
import io.masscast.testing.FakeOfAuthGateway;
import io.masscast.testing.InMemoryStores;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What reaches {@code POST /slack/events} that Slack did not send, or not like this: every such request is
 * refused with a 4xx and nothing is stored. The probe is a one-line {@code /masscast new}, which would create
 * a campaign if it were accepted.
 */
class SlackRequestSecurityTest {
    private static final String COMPOSE = "new text=\"Hi\" lists=VIP media=48213377 preview=0 price=12.50";

    private SlackTestBed bed;
    private String body;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start();
        bed.bindChannel();
        body = SlackPayloads.form(SlackPayloads.slashCommand(ALICE, COMPOSE, "trigger-x", bed.slack.newResponseUrl()));
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void theProbeItselfComposesWhenSignedProperly() {
        HttpResponse<String> accepted = bed.post(body);

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).contains("MC-1 is waiting for approval");
        assertThat(bed.campaigns.find(1)).isPresent();
    }

    @Test
    void aSignatureMadeWithAnotherSecretIsRefused() {
        HttpResponse<String> forged = bed.post(body, SlackTestBed.signature(body, now(), "not-the-signing-secret"));

        assertRefusedWith(forged, 401);
    }

    @Test
    void aSignatureOverADifferentBodyIsRefused() {
        String tampered = body.replace("12.50", "1.00");

        HttpResponse<String> forged = bed.post(tampered, SlackTestBed.signature(body, now(), SIGNING_SECRET));

        assertRefusedWith(forged, 401);
    }

    @Test
    void aRequestSignedMoreThanFiveMinutesAgoIsRefused() {
        HttpResponse<String> stale = bed.post(body, SlackTestBed.signature(body, now() - 301, SIGNING_SECRET));

        assertRefusedWith(stale, 401);
    }

    @Test
    void aRequestWithoutSignatureIsRefused() {
        assertRefusedWith(bed.post(body, Map.of()), 401);
        assertRefusedWith(
                bed.post(body, Map.of(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, Long.toString(now()))),
                401);
    }

    @Test
    void aReplayedRequestIsRefusedAndActsOnce() {
        Map<String, String> signature = SlackTestBed.signature(body, now(), SIGNING_SECRET);

        HttpResponse<String> first = bed.post(body, signature);
        HttpResponse<String> replay = bed.post(body, signature);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(replay.statusCode()).isEqualTo(401);
        assertThat(bed.campaigns.find(1)).isPresent();
        assertThat(bed.campaigns.find(2)).isEmpty();
    }

    @Test
    void twoIdenticalListSearchesWithinASecondAreBothAnsweredButAReplayedSubmissionIsNot() {
        JsonObject view = bed.openedView(bed.slash(ALICE, "new").triggerId());
        String search = SlackPayloads.form(SlackPayloads.listSearch(ALICE, Fields.LISTS, "vip", view));
        Map<String, String> signature = SlackTestBed.signature(search, now(), SIGNING_SECRET);

        HttpResponse<String> first = bed.post(search, signature);
        HttpResponse<String> again = bed.post(search, signature);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).isEqualTo(first.body()).contains(FakeOfAuthGateway.VIP.id());
        assertRefusedWith(bed.post(search, SlackTestBed.signature(search, now(), "not-the-signing-secret")), 401);

        String submission = SlackPayloads.form(SlackPayloads.viewSubmission(
                ALICE,
                view,
                Map.of(
                        Fields.TEXT,
                        SlackPayloads.text("Hi"),
                        Fields.LISTS,
                        SlackPayloads.selected("multi_static_select", FakeOfAuthGateway.VIP.id()))));
        Map<String, String> signed = SlackTestBed.signature(submission, now(), SIGNING_SECRET);
        assertThat(bed.post(submission, signed).statusCode()).isEqualTo(200);
        assertThat(bed.post(submission, signed).statusCode()).isEqualTo(401);
        assertThat(bed.campaigns.find(1)).isPresent();
        assertThat(bed.campaigns.find(2)).isEmpty();
    }

    @Test
    void aFiveMegabyteBodyIsRefusedAsTooLarge() {
        String huge = body + "&padding=" + "x".repeat(5 * 1024 * 1024);

        assertRefusedWith(bed.post(huge), 413);
    }

    @Test
    void unreadablePayloadsAreRefusedAsBadRequests() {
        assertRefusedWith(bed.post("payload=%7Bnot-json"), 400);
        assertRefusedWith(bed.post("payload=%5B1%2C2%5D"), 400);
        assertRefusedWith(bed.post("payload=" + encode("{\"type\":\"view_submission\"}")), 400);
        assertRefusedWith(bed.post("just some text"), 400);
        assertRefusedWith(bed.post(""), 400);
    }

    @Test
    void signedPayloadsMissingWhatMasscastNeedsAreRefusedAsBadRequests() {
        JsonObject noUser =
                SlackPayloads.buttonClick(ALICE, "approve:1:ab", "approve:1:ab", "t", bed.slack.newResponseUrl());
        noUser.remove("user");
        JsonObject noMetadata = new JsonObject();
        noMetadata.addProperty("type", "view_submission");
        JsonObject view = new JsonObject();
        view.addProperty("type", "modal");
        view.addProperty("callback_id", ComposeModal.CALLBACK_ID);
        view.addProperty("private_metadata", "garbage");
        noMetadata.add("view", view);
        noMetadata.add("user", noUser.deepCopy());

        assertRefusedWith(bed.post(SlackPayloads.form(noUser)), 400);
        assertRefusedWith(bed.post(SlackPayloads.form(noMetadata)), 400);
        assertRefusedWith(
                bed.post(SlackPayloads.form(SlackPayloads.slashCommand(ALICE, "help", "t", ""))
                        .replace("team_id=T0TEST", "team_id=")),
                400);
    }

    @Test
    void aSignedBodyWithAContentTypeSlackNeverSendsIsRefused() {
        for (String type :
                List.of("application/json", "text/plain", "multipart/form-data; boundary=x", "application/xml")) {
            Map<String, String> headers = new HashMap<>(SlackTestBed.signature(body, now(), SIGNING_SECRET));
            headers.put("Content-Type", type);

            assertRefusedWith(bed.post(body, headers), 415);
        }
        String json = SlackPayloads.slashCommandJson(ALICE, COMPOSE, "trigger-json", bed.slack.newResponseUrl())
                .toString();
        Map<String, String> headers = new HashMap<>(SlackTestBed.signature(json, now(), SIGNING_SECRET));
        headers.put("Content-Type", "application/json");
        assertRefusedWith(bed.post(json, headers), 415);
    }

    @Test
    void timestampsInTheFutureOrNotNumbersAreRefused() {
        assertRefusedWith(bed.post(body, SlackTestBed.signature(body, now() + 600, SIGNING_SECRET)), 401);
        Map<String, String> garbled = new HashMap<>(SlackTestBed.signature(body, now(), SIGNING_SECRET));
        garbled.put(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP, "soon");
        assertRefusedWith(bed.post(body, garbled), 401);
        garbled.put(SlackSignature.HeaderNames.X_SLACK_SIGNATURE, "v0=" + "0".repeat(64));
        assertRefusedWith(bed.post(body, garbled), 401);
    }

    @Test
    void bytesThatAreNotUtf8OrArriveChunkedPastTheLimitAreRefused() {
        byte[] latin1 = body.replace("Hi", "H%E9").replace("%E9", "\u00E9").getBytes(StandardCharsets.ISO_8859_1);
        byte[] invalid = java.util.Arrays.copyOf(latin1, latin1.length + 2);
        invalid[invalid.length - 2] = (byte) 0xC3;
        invalid[invalid.length - 1] = (byte) 0x28;
        String asSigned = new String(invalid, StandardCharsets.ISO_8859_1);

        assertRefusedWith(
                bed.post(
                        HttpRequest.BodyPublishers.ofByteArray(invalid),
                        SlackTestBed.signature(asSigned, now(), SIGNING_SECRET)),
                401);
        byte[] large =
                (body + "&padding=" + "x".repeat(SlackEventsHandler.MAX_BODY_BYTES)).getBytes(StandardCharsets.UTF_8);
        assertRefusedWith(
                bed.post(
                        HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(large)),
                        SlackTestBed.signature(new String(large, StandardCharsets.UTF_8), now(), SIGNING_SECRET)),
                413);
    }

    @Test
    void deeplyNestedOrHugeJsonIsRefusedWithoutAServerError() {
        String nested = "payload=" + encode("[".repeat(200_000) + "]".repeat(200_000));
        String wide = "payload=" + encode("{\"type\":\"block_actions\",\"actions\":[" + "{},".repeat(100_000) + "{}]}");

        for (String attack : List.of(nested, wide)) {
            assertThat(bed.post(attack, Map.of()).statusCode()).isBetween(400, 499);
            assertThat(bed.post(attack).statusCode()).isBetween(400, 499);
        }
        assertThat(bed.campaigns.find(1)).isEmpty();
    }

    @Test
    void signedPayloadsForViewsCommandsAndRequestTypesMasscastDoesNotHaveAreRefused() {
        JsonObject unknownView = SlackPayloads.viewSubmission(
                ALICE,
                bed.openedView(bed.slash(ALICE, "new").triggerId()),
                Map.of(
                        Fields.TEXT,
                        SlackPayloads.text("Hi"),
                        Fields.LISTS,
                        SlackPayloads.selected("multi_static_select", FakeOfAuthGateway.VIP.id())));
        unknownView.getAsJsonObject("view").addProperty("callback_id", "someone_elses_view");
        JsonObject shortcut = new JsonObject();
        shortcut.addProperty("type", "shortcut");
        shortcut.addProperty("callback_id", "compose");
        shortcut.add("user", unknownView.get("user"));
        shortcut.add("team", unknownView.get("team"));
        JsonObject unknownSearch =
                SlackPayloads.listSearch(ALICE, "media_vault", "x", unknownView.getAsJsonObject("view"));
        Map<String, String> otherCommand =
                SlackPayloads.slashCommand(ALICE, COMPOSE, "trigger-y", bed.slack.newResponseUrl());
        otherCommand.put("command", "/masscast-other");

        for (String request : List.of(
                SlackPayloads.form(unknownView),
                SlackPayloads.form(shortcut),
                SlackPayloads.form(unknownSearch),
                SlackPayloads.form(otherCommand))) {
            HttpResponse<String> answer = bed.post(request);
            assertThat(answer.statusCode()).as(request.substring(0, 40)).isBetween(400, 499);
        }
        assertThat(bed.campaigns.find(1)).isEmpty();
        assertThat(bed.stores.pendingOutbox()).isEmpty();
    }

    @Test
    void aButtonForACampaignOfAnotherWorkspaceChangesNothing() {
        bed.post(body);
        Campaign campaign = bed.campaign(1);
        String approve = new ActionId(ActionId.Verb.APPROVE, campaign.id(), campaign.fingerprint()).encode();
        String responseUrl = bed.slack.newResponseUrl();
        JsonObject click = SlackPayloads.buttonClick(SlackTestBed.BOB, approve, approve, "trigger-z", responseUrl);
        click.getAsJsonObject("team").addProperty("id", "T0OTHER");
        click.getAsJsonObject("user").addProperty("team_id", "T0OTHER");

        HttpResponse<String> answer = bed.post(SlackPayloads.form(click));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(bed.slack.awaitResponse(responseUrl).param("text"))
                .isEqualTo("That campaign no longer exists in this workspace.");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.PENDING_APPROVAL);
        assertThat(bed.campaigns.approvals(bed.campaign(1))).isEmpty();
    }

    @Test
    void beforeTheAdapterHasStartedRequestsAreTurnedAwayAsNotReady() throws Exception {
        SlackSettings settings = new SlackSettings(
                Secret.of(SlackTestBed.BOT_TOKEN),
                Optional.empty(),
                Optional.of(Secret.of(SIGNING_SECRET)),
                URI.create(bed.slack.apiUrl()));
        CommandLayer core =
                CommandLayer.over(new InMemoryStores(), new FakeOfAuthGateway(), Clock.systemUTC(), Set.of());
        SlackAdapter notStarted = new SlackAdapter(settings, core.chat());
        int authTests = bed.slack.calls("auth.test").size();
        Javalin server = Javalin.create()
                .post("/slack/events", notStarted.httpHandler().orElseThrow())
                .start("127.0.0.1", 0);
        try {
            HttpResponse<String> early = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(early.statusCode()).isEqualTo(503);
            assertThat(bed.slack.calls("auth.test")).hasSize(authTests);
        } finally {
            server.stop();
            notStarted.stop();
        }
    }

    private void assertRefusedWith(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(bed.campaigns.find(1)).isEmpty();
        assertThat(bed.stores.pendingOutbox()).isEmpty();
    }

    private static long now() {
        return System.currentTimeMillis() / 1000;
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
