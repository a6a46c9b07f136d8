package io.masscast.adapter.slack;

import static io.masscast.adapter.slack.SlackPayloads.number;
import static io.masscast.adapter.slack.SlackPayloads.selected;
import static io.masscast.adapter.slack.SlackPayloads.text;
import static io.masscast.adapter.slack.SlackTestBed.ALICE;
import static io.masscast.adapter.slack.SlackTestBed.BOT_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import io.masscast.core.command.CampaignCards;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.MediaItem;
import io.masscast.core.policy.Fields;
import io.masscast.core.policy.MediaLimits;
import io.masscast.testing.FakeOfAuthGateway;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Files attached in the compose modal's file input, over signed HTTP: the submission names them, masscast asks the
 * (fake) Slack API about each ({@code files.info}) and downloads it with the bot token, uploads it to OFAuth and
 * puts the upload reference in the campaign's media; the card names the file. A file masscast does not take is
 * refused on the file input before anything is downloaded.
 */
class SlackAttachmentsTest {
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

    private static JsonObject fileInput(String... ids) {
        JsonArray files = new JsonArray();
        for (String id : ids) {
            JsonObject file = new JsonObject();
            file.addProperty("id", id);
            files.add(file);
        }
        JsonObject input = new JsonObject();
        input.addProperty("type", "file_input");
        input.add("files", files);
        return input;
    }

    private HttpResponse<String> submitWithFiles(JsonObject view, String... fileIds) {
        return bed.submit(
                ALICE,
                view,
                Map.of(
                        Fields.TEXT, text("New set is up"),
                        Fields.LISTS, selected("multi_static_select", FakeOfAuthGateway.VIP.id()),
                        Fields.PRICE, number("12.50"),
                        Fields.FILES, fileInput(fileIds)));
    }

    @Test
    void theModalHasAFileInputForMediaMasscastTakes() {
        JsonObject view = bed.openedView(bed.slash(ALICE, "new").triggerId());

        JsonObject input = BlockKitJson.element(view, Fields.FILES);
        assertThat(input.get("type").getAsString()).isEqualTo("file_input");
        assertThat(input.get("max_files").getAsInt()).isEqualTo(MediaLimits.MAX_FILES);
        assertThat(input.getAsJsonArray("filetypes").asList().stream()
                        .map(type -> type.getAsString())
                        .toList())
                .containsExactlyElementsOf(ComposeModal.FILE_TYPES);
        assertThat(BlockKitJson.inputs(view).get(Fields.FILES).get("optional").getAsBoolean())
                .isTrue();
    }

    @Test
    void anAttachedFileIsReadFromSlackUploadedToOfAuthAndShownOnTheCard() {
        byte[] photo = new byte[2_400];
        new Random(7).nextBytes(photo);
        bed.slack.sharedFile("F0PHOTO", "set 1.jpg", "image/jpeg", photo);
        JsonObject view = bed.openedView(bed.slash(ALICE, "new").triggerId());

        HttpResponse<String> accepted = submitWithFiles(view, "F0PHOTO");

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(bed.slack.awaitCall("chat.postEphemeral").param("text")).contains("MC-1 is waiting for approval");
        FakeSlackApi.Call info = bed.slack.awaitCall("files.info");
        assertThat(info.param("file")).isEqualTo("F0PHOTO");
        assertThat(info.token()).contains(BOT_TOKEN);
        assertThat(bed.slack.downloads()).singleElement().satisfies(download -> {
            assertThat(download.param("path")).isEqualTo("/files/F0PHOTO/download");
            assertThat(download.token()).contains(BOT_TOKEN);
        });
        assertThat(bed.ofauth.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.fileName()).isEqualTo("set 1.jpg");
            assertThat(upload.contentType()).isEqualTo("image/jpeg");
            assertThat(upload.size()).isEqualTo(2_400);
            assertThat(upload.bytes()).isEqualTo(photo);
        });
        Campaign campaign = bed.campaign(1);
        assertThat(campaign.content().media())
                .containsExactly(new MediaItem(MediaItem.Kind.UPLOAD, "upload:fake-file-1"));

        bed.showCard(1);
        String card = BlockKitJson.text(
                JsonParser.parseString(bed.slack.awaitCall("chat.postMessage").param("blocks"))
                        .getAsJsonArray());
        assertThat(card).contains("*" + CampaignCards.MEDIA + "*").contains("set 1.jpg (JPEG image, 2 KB)");
    }

    @Test
    void aFileMasscastDoesNotTakeIsRefusedOnTheFileInputAndNothingIsDownloaded() {
        bed.slack.sharedFile("F0PDF", "rate card.pdf", "application/pdf", new byte[300]);
        JsonObject view = bed.openedView(bed.slash(ALICE, "new").triggerId());

        HttpResponse<String> refused = submitWithFiles(view, "F0PDF");

        JsonObject answer = JsonParser.parseString(refused.body()).getAsJsonObject();
        assertThat(answer.get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.getAsJsonObject("errors").get(Fields.FILES).getAsString())
                .isEqualTo(
                        "\"rate card.pdf\" is of type application/pdf: masscast attaches JPEG, PNG and GIF images, MP4 and MOV"
                                + " videos, and MP3, M4A and WAV audio.");
        assertThat(bed.slack.downloads()).isEmpty();
        assertThat(bed.ofauth.uploads()).isEmpty();
        assertThat(bed.campaigns.find(1)).isEmpty();
    }

    @Test
    void aFileSlackDoesNotKnowCreatesNothingAndSaysWhy() {
        JsonObject view = bed.openedView(bed.slash(ALICE, "new").triggerId());

        HttpResponse<String> answered = submitWithFiles(view, "F0GONE");

        assertThat(answered.statusCode()).isEqualTo(200);
        assertThat(bed.slack.awaitCall("chat.postEphemeral").param("text"))
                .isEqualTo("Slack did not let masscast read the attached files (files.info failed: file_not_found), so"
                        + " nothing was created. Attach them again, or give the media by vault id.");
        assertThat(bed.campaigns.find(1)).isEmpty();
    }

    @Test
    void theBotTokenGoesToNoDownloadLinkOutsideSlack() {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(bed.slack.apiUrl());
        SlackApi api = new SlackApi(Slack.getInstance(config), BOT_TOKEN, Clock.systemUTC());

        assertThatThrownBy(() -> api.download("https://files.example.com/F0PHOTO/download"))
                .isInstanceOf(IOException.class)
                .hasMessage("Slack gave a download link outside Slack");
        assertThat(bed.slack.downloads()).isEmpty();
    }
}
