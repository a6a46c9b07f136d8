package io.masscast.adapter.slack;

import static io.masscast.adapter.slack.SlackPayloads.checked;
import static io.masscast.adapter.slack.SlackPayloads.dateTime;
import static io.masscast.adapter.slack.SlackPayloads.number;
import static io.masscast.adapter.slack.SlackPayloads.selected;
import static io.masscast.adapter.slack.SlackPayloads.text;
import static io.masscast.adapter.slack.SlackTestBed.ALICE;
import static io.masscast.adapter.slack.SlackTestBed.BOB;
import static io.masscast.adapter.slack.SlackTestBed.BOT_TOKEN;
import static io.masscast.adapter.slack.SlackTestBed.CAROL;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.masscast.core.command.ActionId;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.FanList;
import io.masscast.core.model.MediaItem;
import io.masscast.core.policy.Fields;
import io.masscast.core.port.OfAuthFailure;
import io.masscast.testing.FakeOfAuthGateway;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole Slack conversation over real HTTP with signed requests: /masscast new opens the modal, bad values
 * come back on their inputs, a good submission creates the campaign, the card shows it with its buttons, the
 * requester may not approve it, an approver does, and a rejection asks for a reason.
 */
class SlackComposeAndApproveTest {
    private static final Instant SATURDAY_8PM_BERLIN = Instant.parse("2026-03-21T19:00:00Z");
    private static final Instant YESTERDAY = Instant.parse("2026-03-19T10:00:00Z");

    private SlackTestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start();
        bed.bindChannel();
    }

    @AfterEach
    void stop() {
        bed.close();
        assertThat(bed.slack.methodsCalled())
                .as("Web API methods called; each needs its scopes in the manifests")
                .allMatch(SlackApi.METHOD_SCOPES::containsKey);
    }

    @Test
    void newOpensTheComposeModalWithAnInputPerFormKeyAndTheCreatorsChoices() {
        SlackTestBed.Sent command = bed.slash(ALICE, "new");

        assertThat(command.status()).isEqualTo(200);
        assertThat(command.body()).isEmpty();
        FakeSlackApi.Call open = bed.slack.awaitCall(
                "views.open", call -> call.param("trigger_id").equals(command.triggerId()));
        assertThat(open.token()).contains(BOT_TOKEN);
        JsonObject view = open.jsonParam("view").getAsJsonObject();
        assertThat(view.get("callback_id").getAsString()).isEqualTo(ComposeModal.CALLBACK_ID);
        assertThat(view.getAsJsonObject("title").get("text").getAsString()).isEqualTo("New mass message");
        assertThat(BlockKitJson.inputs(view).keySet())
                .containsExactly(
                        Fields.TEXT,
                        Fields.LISTS,
                        Fields.EXCLUDE,
                        Fields.USERS,
                        Fields.SUBSCRIBED_AFTER,
                        ComposeModal.MEDIA_VAULT,
                        Fields.MEDIA,
                        Fields.FILES,
                        Fields.PREVIEW,
                        Fields.PRICE,
                        Fields.LOCKED,
                        Fields.MARKDOWN,
                        Fields.AT,
                        Fields.SPLIT,
                        "text_b",
                        "lists_b",
                        "media_b",
                        "price_b",
                        "text_c",
                        "lists_c",
                        "media_c",
                        "price_c",
                        Fields.CONFIRM);
        assertThat(type(view, Fields.SPLIT)).isEqualTo("static_select");
        assertThat(BlockKitJson.strings(BlockKitJson.element(view, Fields.SPLIT).getAsJsonArray("options"), "value"))
                .containsExactly("lists", "random");
        assertThat(type(view, "lists_b")).isEqualTo("multi_static_select");
        assertThat(type(view, "media_c")).isEqualTo("plain_text_input");
        assertThat(type(view, Fields.TEXT)).isEqualTo("plain_text_input");
        assertThat(BlockKitJson.element(view, Fields.TEXT).get("multiline").getAsBoolean())
                .isTrue();
        assertThat(type(view, Fields.LISTS)).isEqualTo("multi_static_select");
        assertThat(BlockKitJson.strings(BlockKitJson.element(view, Fields.LISTS).getAsJsonArray("options"), "value"))
                .containsExactly("1187345", "1187346", "1187347");
        assertThat(BlockKitJson.text(BlockKitJson.element(view, Fields.LISTS).getAsJsonArray("options")))
                .contains("VIP (1,234)", "Whales (56)");
        assertThat(type(view, Fields.SUBSCRIBED_AFTER)).isEqualTo("datepicker");
        assertThat(BlockKitJson.strings(
                        BlockKitJson.element(view, ComposeModal.MEDIA_VAULT).getAsJsonArray("options"), "value"))
                .containsExactly("48213378", "48213377");
        assertThat(type(view, Fields.PREVIEW)).isEqualTo("number_input");
        assertThat(BlockKitJson.element(view, Fields.PRICE)
                        .get("is_decimal_allowed")
                        .getAsBoolean())
                .isTrue();
        assertThat(BlockKitJson.element(view, Fields.PRICE).get("initial_value").getAsString())
                .isEqualTo("0");
        assertThat(type(view, Fields.LOCKED)).isEqualTo("checkboxes");
        assertThat(BlockKitJson.element(view, Fields.LOCKED).has("initial_options"))
                .isFalse();
        assertThat(BlockKitJson.element(view, Fields.MARKDOWN).getAsJsonArray("initial_options"))
                .hasSize(1);
        assertThat(type(view, Fields.AT)).isEqualTo("datetimepicker");
        assertThat(BlockKitJson.inputs(view)
                        .get(Fields.AT)
                        .getAsJsonObject("hint")
                        .get("text")
                        .getAsString())
                .contains("Europe/Berlin");
        assertThat(ComposeModal.Context.decode(view.get("private_metadata").getAsString()))
                .isEqualTo(new ComposeModal.Context(SlackTestBed.CHANNEL, Optional.empty()));
    }

    @Test
    void aCreatorWithMoreThanAHundredListsIsSearchedAsTheUserTypes() {
        List<FanList> many = IntStream.rangeClosed(1, 150)
                .mapToObj(i ->
                        new FanList(Integer.toString(2_000_000 + i), "Segment " + i, "custom", Optional.of((long) i)))
                .toList();
        bed.ofauth.lists(many);

        JsonObject view = bed.openedView(bed.slash(ALICE, "new").triggerId());
        HttpResponse<String> search =
                bed.post(SlackPayloads.form(SlackPayloads.listSearch(ALICE, Fields.EXCLUDE, "segment 14", view)));

        assertThat(BlockKitJson.element(view, Fields.LISTS).get("type").getAsString())
                .isEqualTo("multi_external_select");
        assertThat(BlockKitJson.element(view, Fields.LISTS)
                        .get("min_query_length")
                        .getAsInt())
                .isZero();
        assertThat(BlockKitJson.strings(
                        JsonParser.parseString(search.body()).getAsJsonObject().getAsJsonArray("options"), "value"))
                .containsExactly(
                        "2000014", "2000140", "2000141", "2000142", "2000143", "2000144", "2000145", "2000146",
                        "2000147", "2000148", "2000149");
    }

    @Test
    void badValuesComeBackOnTheirInputsAndStoreNothing() {
        JsonObject view = bed.openedView(bed.slash(ALICE, "new").triggerId());

        HttpResponse<String> unreadable = bed.submit(
                ALICE,
                view,
                Map.of(
                        Fields.TEXT, text("New set is up"),
                        Fields.MEDIA, text("not-a-media-item"),
                        Fields.PRICE, number("12.50")));

        assertThat(unreadable.statusCode()).isEqualTo(200);
        JsonObject answer = JsonParser.parseString(unreadable.body()).getAsJsonObject();
        assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.getAsJsonObject("errors").keySet()).containsExactly(Fields.MEDIA);
        assertThat(answer.getAsJsonObject("errors").get(Fields.MEDIA).getAsString())
                .contains("not-a-media-item");

        HttpResponse<String> refused = bed.submit(
                ALICE,
                view,
                Map.of(
                        Fields.TEXT, text("New set is up"),
                        ComposeModal.MEDIA_VAULT, selected("multi_static_select", "48213377"),
                        Fields.PRICE, number("1.50"),
                        Fields.AT, dateTime(YESTERDAY.getEpochSecond())));

        JsonObject errors =
                JsonParser.parseString(refused.body()).getAsJsonObject().getAsJsonObject("errors");
        assertThat(errors.keySet())
                .contains(Fields.LISTS, Fields.PRICE, Fields.AT)
                .allSatisfy(block -> assertThat(BlockKitJson.inputs(view)).containsKey(block));
        assertThat(errors.get(Fields.PRICE).getAsString()).contains("3.00 to 200.00");
        assertThat(bed.campaigns.find(1)).isEmpty();
        assertThat(bed.stores.pendingOutbox()).isEmpty();
    }

    @Test
    void aValidSubmissionCreatesTheCampaignAndTellsTheRequesterPrivately() {
        JsonObject view = bed.openedView(bed.slash(ALICE, "new").triggerId());

        HttpResponse<String> accepted = bed.submit(ALICE, view, validInputs());

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(accepted.body()).isEmpty();
        Campaign campaign = bed.campaign(1);
        assertThat(campaign.state()).isEqualTo(CampaignState.PENDING_APPROVAL);
        assertThat(campaign.requesterId()).isEqualTo(ALICE);
        assertThat(campaign.content().text()).isEqualTo("New set is up 🔥 & more");
        assertThat(campaign.content().price()).isEqualByComparingTo(new BigDecimal("12.50"));
        assertThat(campaign.content().media()).containsExactly(MediaItem.vault(48213377), MediaItem.vault(99));
        assertThat(campaign.content().previewCount()).isEqualTo(1);
        assertThat(campaign.audience().lists()).containsExactly(FakeOfAuthGateway.VIP.id());
        assertThat(campaign.audience().excludedLists()).containsExactly(FakeOfAuthGateway.CHURNED.id());
        assertThat(campaign.scheduledAt()).contains(SATURDAY_8PM_BERLIN);
        FakeSlackApi.Call told = bed.slack.awaitCall("chat.postEphemeral");
        assertThat(told.param("channel")).isEqualTo(SlackPayloads.CHANNEL);
        assertThat(told.param("user")).isEqualTo(ALICE);
        assertThat(told.param("text")).contains("MC-1 is waiting for approval");
    }

    @Test
    void theCardShowsTheCampaignWithApproveRejectEditAndCancel() {
        composeValidCampaign();

        String ts = bed.showCard(1);

        FakeSlackApi.Call posted = bed.slack.awaitCall("chat.postMessage");
        assertThat(posted.param("channel")).isEqualTo(SlackPayloads.CHANNEL);
        assertThat(posted.param("thread_ts")).isEmpty();
        assertThat(ts).isNotBlank();
        JsonArray blocks = posted.jsonParam("blocks").getAsJsonArray();
        assertThat(blocks.get(0).getAsJsonObject().get("type").getAsString()).isEqualTo("header");
        assertThat(BlockKitJson.text(blocks))
                .contains(
                        "MC-1",
                        "awaiting approval",
                        "$12.50",
                        "Mila Rose",
                        "VIP (1,234)",
                        "2026-03-21 20:00 Europe/Berlin",
                        "<@" + ALICE + ">",
                        "New set is up 🔥 &amp; more");
        Map<String, JsonObject> buttons = BlockKitJson.buttons(blocks);
        assertThat(buttons.keySet()).containsExactly("Approve", "Reject", "Edit", "Cancel");
        JsonObject approve = buttons.get("Approve");
        assertThat(approve.get("style").getAsString()).isEqualTo("primary");
        assertThat(ActionId.decode(approve.get("value").getAsString()))
                .get()
                .extracting(ActionId::verb, ActionId::campaignId)
                .containsExactly(ActionId.Verb.APPROVE, 1L);
        assertThat(approve.get("action_id").getAsString())
                .isEqualTo(approve.get("value").getAsString());
        assertThat(approve.getAsJsonObject("confirm")
                        .getAsJsonObject("text")
                        .get("text")
                        .getAsString())
                .contains("$12.50", "≈ 924 fans", "2026-03-21 20:00");
        assertThat(buttons.get("Reject").get("style").getAsString()).isEqualTo("danger");
        assertThat(buttons.get("Edit").has("style")).isFalse();
        assertThat(approve.getAsJsonObject("confirm").get("style").getAsString())
                .isEqualTo("primary");
        assertThat(buttons.get("Cancel").getAsJsonObject("confirm").get("style").getAsString())
                .isEqualTo("danger");
    }

    @Test
    void theRequesterMayNotApproveButAnotherApproverCan() {
        composeValidCampaign();
        String card = bed.showCard(1);
        JsonObject approve = cardButton("Approve");

        SlackTestBed.Sent own = bed.click(
                ALICE,
                approve.get("action_id").getAsString(),
                approve.get("value").getAsString());

        assertThat(own.status()).isEqualTo(200);
        FakeSlackApi.Call refusal = bed.slack.awaitResponse(own.responseUrl());
        assertThat(refusal.param("response_type")).isEqualTo("ephemeral");
        assertThat(refusal.param("replace_original")).isEqualTo("false");
        assertThat(refusal.param("text")).contains("You requested MC-1");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.PENDING_APPROVAL);

        SlackTestBed.Sent approved = bed.click(
                BOB,
                approve.get("action_id").getAsString(),
                approve.get("value").getAsString());

        assertThat(bed.slack.awaitResponse(approved.responseUrl()).param("text"))
                .contains("You approved MC-1");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.APPROVED);
        bed.showCard(1);
        FakeSlackApi.Call updated = bed.slack.awaitCall("chat.update");
        assertThat(updated.param("ts")).isEqualTo(card);
        assertThat(BlockKitJson.text(updated.jsonParam("blocks").getAsJsonArray()))
                .contains("approved", "<@" + BOB + ">");
        assertThat(BlockKitJson.buttons(updated.jsonParam("blocks").getAsJsonArray()))
                .doesNotContainKey("Approve");
    }

    @Test
    void aStaleCardRefusesTheClickAndChangesNothing() {
        composeValidCampaign();
        bed.showCard(1);
        JsonObject approve = cardButton("Approve");
        ActionId shown = ActionId.decode(approve.get("value").getAsString()).orElseThrow();
        String older = new ActionId(
                        ActionId.Verb.APPROVE, 1, "0".repeat(shown.fingerprint().length()))
                .encode();

        SlackTestBed.Sent click = bed.click(BOB, older, older);

        assertThat(bed.slack.awaitResponse(click.responseUrl()).param("text"))
                .contains("changed after the version you approved");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.PENDING_APPROVAL);
    }

    @Test
    void rejectAsksForAReasonAndTheCardsRequesterSeesIt() {
        composeValidCampaign();
        bed.showCard(1);
        JsonObject reject = cardButton("Reject");

        SlackTestBed.Sent click = bed.click(
                CAROL,
                reject.get("action_id").getAsString(),
                reject.get("value").getAsString());

        assertThat(click.status()).isEqualTo(200);
        JsonObject modal = bed.openedView(click.triggerId());
        assertThat(modal.get("callback_id").getAsString()).isEqualTo(RejectModal.CALLBACK_ID);
        assertThat(BlockKitJson.inputs(modal).keySet()).containsExactly(RejectModal.REASON);
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.PENDING_APPROVAL);

        HttpResponse<String> submitted =
                bed.submit(CAROL, modal, Map.of(RejectModal.REASON, text("Price too low for a video")));

        assertThat(submitted.statusCode()).isEqualTo(200);
        FakeSlackApi.Call told = bed.slack.awaitCall(
                "chat.postEphemeral", call -> call.param("user").equals(CAROL));
        assertThat(told.param("text")).contains("MC-1 is rejected");
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.REJECTED);
        assertThat(bed.campaign(1).note())
                .hasValueSatisfying(note -> assertThat(note).contains("Price too low for a video"));
    }

    @Test
    void editOpensTheModalPrefilledWithTheCampaign() {
        composeValidCampaign();
        bed.showCard(1);
        JsonObject edit = cardButton("Edit");

        SlackTestBed.Sent click = bed.click(
                ALICE, edit.get("action_id").getAsString(), edit.get("value").getAsString());

        JsonObject view = bed.openedView(click.triggerId());
        assertThat(view.getAsJsonObject("title").get("text").getAsString()).isEqualTo("Edit MC-1");
        assertThat(BlockKitJson.element(view, Fields.TEXT).get("initial_value").getAsString())
                .isEqualTo("New set is up 🔥 & more");
        assertThat(BlockKitJson.strings(
                        BlockKitJson.element(view, Fields.LISTS).getAsJsonArray("initial_options"), "value"))
                .containsExactly(FakeOfAuthGateway.VIP.id());
        assertThat(BlockKitJson.strings(
                        BlockKitJson.element(view, ComposeModal.MEDIA_VAULT).getAsJsonArray("initial_options"),
                        "value"))
                .containsExactly("48213377");
        assertThat(BlockKitJson.element(view, Fields.MEDIA).get("initial_value").getAsString())
                .isEqualTo("99");
        assertThat(BlockKitJson.element(view, Fields.PRICE).get("initial_value").getAsString())
                .isEqualTo("12.50");
        assertThat(BlockKitJson.element(view, Fields.AT)
                        .get("initial_date_time")
                        .getAsLong())
                .isEqualTo(SATURDAY_8PM_BERLIN.getEpochSecond());
        assertThat(ComposeModal.Context.decode(view.get("private_metadata").getAsString())
                        .campaignId())
                .contains(1L);

        HttpResponse<String> saved = bed.submit(
                ALICE,
                view,
                Map.of(
                        Fields.TEXT, text("New set is up, now cheaper"),
                        Fields.LISTS, selected("multi_static_select", FakeOfAuthGateway.VIP.id()),
                        ComposeModal.MEDIA_VAULT, selected("multi_static_select", "48213377"),
                        Fields.MEDIA, text("99"),
                        Fields.PREVIEW, number("1"),
                        Fields.PRICE, number("9.99"),
                        Fields.AT, dateTime(SATURDAY_8PM_BERLIN.getEpochSecond())));

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(bed.campaign(1).content().price()).isEqualByComparingTo(new BigDecimal("9.99"));
        assertThat(bed.campaign(1).content().text()).isEqualTo("New set is up, now cheaper");
    }

    @Test
    void someoneElsesEditClickIsRefusedPrivately() {
        composeValidCampaign();
        bed.showCard(1);
        JsonObject edit = cardButton("Edit");

        SlackTestBed.Sent click = bed.click(
                BOB, edit.get("action_id").getAsString(), edit.get("value").getAsString());

        assertThat(bed.slack.awaitResponse(click.responseUrl()).param("text"))
                .contains("Only the requester can edit MC-1");
        assertThat(bed.slack.calls("views.open").stream()
                        .filter(c -> c.param("trigger_id").equals(click.triggerId())))
                .isEmpty();
    }

    @Test
    void aButtonValueMasscastDidNotMakeIsRefusedAndChangesNothing() {
        composeValidCampaign();
        bed.showCard(1);
        JsonObject approve = cardButton("Approve");

        SlackTestBed.Sent foreign = bed.click(BOB, "approve", "approve:1:not-a-fingerprint");
        SlackTestBed.Sent mismatched = bed.click(
                BOB,
                approve.get("action_id").getAsString(),
                "cancel:1:"
                        + ActionId.decode(approve.get("value").getAsString())
                                .orElseThrow()
                                .fingerprint());

        assertThat(foreign.status()).isEqualTo(200);
        assertThat(bed.slack.awaitResponse(foreign.responseUrl()).param("text")).isEqualTo(CardButtonListener.NOT_OURS);
        assertThat(bed.slack.awaitResponse(mismatched.responseUrl()).param("text"))
                .isEqualTo(CardButtonListener.NOT_OURS);
        assertThat(bed.campaign(1).state()).isEqualTo(CampaignState.PENDING_APPROVAL);
    }

    @Test
    void whenOfauthIsDownTheFormStillOpensWithoutItsChoicesAndCommandsSaySo() {
        bed.ofauth.failReads(new OfAuthFailure.ServerError("OFAuth is down", 503, Optional.empty()));

        JsonObject view = bed.openedView(bed.slash(ALICE, "new").triggerId());
        SlackTestBed.Sent lists = bed.slash(ALICE, "lists");

        assertThat(BlockKitJson.element(view, Fields.LISTS).get("type").getAsString())
                .isEqualTo("multi_external_select");
        assertThat(BlockKitJson.inputs(view)).doesNotContainKey(ComposeModal.MEDIA_VAULT);
        assertThat(JsonParser.parseString(lists.body())
                        .getAsJsonObject()
                        .get("text")
                        .getAsString())
                .contains("OFAuth could not answer");
    }

    @Test
    void helpAndUnknownCommandsAnswerPrivatelyInTheAck() {
        SlackTestBed.Sent help = bed.slash(BOB, "help");
        SlackTestBed.Sent unknown = bed.slash(BOB, "frobnicate");

        JsonObject helpAnswer = JsonParser.parseString(help.body()).getAsJsonObject();
        assertThat(helpAnswer.get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(helpAnswer.get("text").getAsString()).contains("/masscast new", "/masscast bind");
        assertThat(JsonParser.parseString(unknown.body())
                        .getAsJsonObject()
                        .get("text")
                        .getAsString())
                .contains("There is no /masscast frobnicate");
    }

    // ---- helpers

    private void composeValidCampaign() {
        JsonObject view = bed.openedView(bed.slash(ALICE, "new").triggerId());
        HttpResponse<String> accepted = bed.submit(ALICE, view, validInputs());
        assertThat(accepted.body()).isEmpty();
        bed.slack.awaitCall("chat.postEphemeral");
        bed.slack.clear();
    }

    private static Map<String, JsonObject> validInputs() {
        Map<String, JsonObject> inputs = new LinkedHashMap<>();
        inputs.put(Fields.TEXT, text("New set is up 🔥 & more"));
        inputs.put(Fields.LISTS, selected("multi_static_select", FakeOfAuthGateway.VIP.id()));
        inputs.put(Fields.EXCLUDE, selected("multi_static_select", FakeOfAuthGateway.CHURNED.id()));
        inputs.put(Fields.USERS, text(""));
        inputs.put(ComposeModal.MEDIA_VAULT, selected("multi_static_select", "48213377"));
        inputs.put(Fields.MEDIA, text("99"));
        inputs.put(Fields.PREVIEW, number("1"));
        inputs.put(Fields.PRICE, number("12.50"));
        inputs.put(Fields.LOCKED, checked(false));
        inputs.put(Fields.MARKDOWN, checked(true));
        inputs.put(Fields.AT, dateTime(SATURDAY_8PM_BERLIN.getEpochSecond()));
        return inputs;
    }

    private JsonObject cardButton(String label) {
        return BlockKitJson.buttons(bed.slack
                        .calls("chat.postMessage")
                        .get(0)
                        .jsonParam("blocks")
                        .getAsJsonArray())
                .get(label);
    }

    private static String type(JsonObject view, String blockId) {
        return BlockKitJson.element(view, blockId).get("type").getAsString();
    }
}
