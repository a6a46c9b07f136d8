package io.masscast.adapter.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import io.masscast.core.campaign.Mention;
import io.masscast.core.command.Card;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatImage;
import io.masscast.core.model.Platform;
import io.masscast.core.port.NotDelivered;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox's side of Slack: cards posted once and updated in place, notes in the thread, images uploaded and
 * shared, Slack's limits kept.
 */
class SlackNotifierTest {
    private static final Card CARD = new Card(
            "MC-7 · Message for Mila Rose — sent",
            Card.Tone.GOOD,
            List.of(new Card.Field("Status", "sent")),
            "Hello",
            "MC-7",
            List.of());

    private SlackTestBed bed;

    @BeforeEach
    void start() throws Exception {
        bed = SlackTestBed.start();
    }

    @AfterEach
    void stop() {
        bed.close();
    }

    @Test
    void aCardIsPostedOnceAndThenUpdatedInPlace() {
        String ts = bed.adapter.notifier().showCard(SlackTestBed.CHANNEL, Optional.empty(), CARD);
        String again = bed.adapter.notifier().showCard(SlackTestBed.CHANNEL, Optional.of(ts), CARD);

        assertThat(again).isEqualTo(ts);
        assertThat(bed.slack.calls("chat.postMessage")).hasSize(1);
        FakeSlackApi.Call update = bed.slack.awaitCall("chat.update");
        assertThat(update.param("channel")).isEqualTo(SlackPayloads.CHANNEL);
        assertThat(update.param("ts")).isEqualTo(ts);
        assertThat(update.param("text")).isEqualTo("MC-7 · Message for Mila Rose — sent");
    }

    @Test
    void aDeletedCardIsPostedAgain() {
        bed.slack.failNext("chat.update", 200, "{\"ok\":false,\"error\":\"message_not_found\"}", Map.of());

        String shown = bed.adapter.notifier().showCard(SlackTestBed.CHANNEL, Optional.of("1769999999.000001"), CARD);

        assertThat(shown).isNotEqualTo("1769999999.000001");
        assertThat(bed.slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void otherFailuresThrowSoTheOutboxRetries() {
        bed.slack.failNext("chat.postMessage", 200, "{\"ok\":false,\"error\":\"channel_not_found\"}", Map.of());

        assertThatThrownBy(() -> bed.adapter.notifier().showCard(SlackTestBed.CHANNEL, Optional.empty(), CARD))
                .isInstanceOf(SlackCallFailed.class)
                .hasMessage("chat.postMessage failed: channel_not_found")
                .hasMessageNotContaining(SlackTestBed.BOT_TOKEN);
    }

    @Test
    void afterA429NothingIsSentToThatMethodUntilRetryAfterHasPassed() {
        bed.slack.failNext(
                "chat.postMessage", 429, "{\"ok\":false,\"error\":\"ratelimited\"}", Map.of("Retry-After", "30"));

        assertThatThrownBy(() -> bed.adapter.notifier().showCard(SlackTestBed.CHANNEL, Optional.empty(), CARD))
                .isInstanceOf(SlackCallFailed.class)
                .hasMessageContaining("ratelimited");
        assertThatThrownBy(() -> bed.adapter.notifier().postNote(SlackTestBed.CHANNEL, Optional.of("1.2"), "later"))
                .as("not sent, so the outbox may post the note later without posting it twice")
                .isInstanceOf(NotDelivered.class)
                .cause()
                .isInstanceOf(SlackCallFailed.class)
                .satisfies(e -> assertThat(((SlackCallFailed) e).retryAt()).isPresent());

        assertThat(bed.slack.calls("chat.postMessage")).hasSize(1);
    }

    @Test
    void aNoteGoesIntoTheCardsThreadWithItsTextShownLiterally() {
        bed.adapter
                .notifier()
                .postNote(
                        SlackTestBed.CHANNEL,
                        Optional.of("1770000000.000100"),
                        Mention.of("UBOB") + " bought it <!channel> & <@UEVE> more");

        FakeSlackApi.Call note = bed.slack.awaitCall("chat.postMessage");
        assertThat(note.param("thread_ts")).isEqualTo("1770000000.000100");
        assertThat(note.param("text")).isEqualTo("<@UBOB> bought it &lt;!channel&gt; &amp; &lt;@UEVE&gt; more");
    }

    @Test
    void aChannelMessageGoesIntoTheChannelNotAThread() {
        bed.adapter.notifier().postMessage(SlackTestBed.CHANNEL, "Connection *conn_demo* expired <!here>");

        FakeSlackApi.Call message = bed.slack.awaitCall("chat.postMessage");
        assertThat(message.param("channel")).isEqualTo(SlackPayloads.CHANNEL);
        assertThat(message.param("thread_ts")).isEmpty();
        assertThat(message.param("text")).isEqualTo("Connection *conn_demo* expired &lt;!here&gt;");
    }

    @Test
    void aMessageSlackRefusedIsReportedAsNotDelivered() {
        bed.slack.failNext("chat.postMessage", 200, "{\"ok\":false,\"error\":\"not_in_channel\"}", Map.of());

        assertThatThrownBy(() -> bed.adapter.notifier().postMessage(SlackTestBed.CHANNEL, "hello"))
                .isInstanceOf(NotDelivered.class)
                .hasMessage("chat.postMessage failed: not_in_channel");
    }

    /** A real (tiny) PNG. */
    private static ChatImage png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB), "png", out);
        return new ChatImage("digest-C0TEST-2026-03-23-0900.png", "Mila Rose · revenue per day", out.toByteArray());
    }

    @Test
    void anImageIsUploadedThenSharedInTheChannelWithItsCaption() throws IOException {
        ChatImage image = png();

        bed.adapter.notifier().postImage(SlackTestBed.CHANNEL, "*Daily digest* <!channel> & more", image);

        assertThat(bed.slack.methodsCalled())
                .containsSubsequence("files.getUploadURLExternal", "files.completeUploadExternal");
        FakeSlackApi.Call ask = bed.slack.awaitCall("files.getUploadURLExternal");
        assertThat(ask.param("filename")).isEqualTo("digest-C0TEST-2026-03-23-0900.png");
        assertThat(ask.param("length")).isEqualTo(String.valueOf(image.size()));
        assertThat(ask.param("alt_txt")).isEqualTo("Mila Rose · revenue per day");
        assertThat(ask.token()).contains(SlackTestBed.BOT_TOKEN);
        assertThat(bed.slack.uploads()).singleElement().satisfies(upload -> {
            assertThat(upload.bytes()).isEqualTo(image.png());
            assertThat(upload.token())
                    .as("the upload URL needs no token, so none is sent there")
                    .isEmpty();
        });
        FakeSlackApi.Call share = bed.slack.awaitCall("files.completeUploadExternal");
        assertThat(share.param("channel_id")).isEqualTo(SlackPayloads.CHANNEL);
        assertThat(share.param("initial_comment")).isEqualTo("*Daily digest* &lt;!channel&gt; &amp; more");
        JsonObject file = share.jsonParam("files").getAsJsonArray().get(0).getAsJsonObject();
        assertThat(file.get("id").getAsString())
                .isEqualTo(bed.slack.uploads().get(0).fileId());
        assertThat(file.get("title").getAsString()).isEqualTo("Mila Rose · revenue per day");
    }

    @Test
    void anImageWhoseBytesDidNotArriveIsNotDeliveredAndNotShared() throws IOException {
        bed.slack.failNext(FakeSlackApi.UPLOAD, 500, "upload failed", Map.of());

        assertThatThrownBy(() -> bed.adapter.notifier().postImage(SlackTestBed.CHANNEL, "digest", png()))
                .isInstanceOf(NotDelivered.class)
                .hasMessage("file upload failed: http_500");
        assertThat(bed.slack.calls("files.completeUploadExternal")).isEmpty();
    }

    @Test
    void anImageSlackRefusedToShareIsNotDelivered() throws IOException {
        bed.slack.failNext(
                "files.completeUploadExternal", 200, "{\"ok\":false,\"error\":\"invalid_arguments\"}", Map.of());

        assertThatThrownBy(() -> bed.adapter.notifier().postImage(SlackTestBed.CHANNEL, "digest", png()))
                .isInstanceOf(NotDelivered.class)
                .hasMessage("files.completeUploadExternal failed: invalid_arguments");
        assertThat(bed.slack.calls("chat.postMessage")).isEmpty();
    }

    @Test
    void inAChannelTheBotIsNotInTheCaptionIsPostedAloneSayingWhy() throws IOException {
        bed.slack.failNext(
                "files.completeUploadExternal", 200, "{\"ok\":false,\"error\":\"not_in_channel\"}", Map.of());

        bed.adapter.notifier().postImage(SlackTestBed.CHANNEL, "*Daily digest*", png());

        FakeSlackApi.Call message = bed.slack.awaitCall("chat.postMessage");
        assertThat(message.param("channel")).isEqualTo(SlackPayloads.CHANNEL);
        assertThat(message.param("text"))
                .isEqualTo("*Daily digest*\n(The chart could not be shared: Slack shares files only"
                        + " in channels the bot is in. Invite it with /invite @masscast.)");
    }

    @Test
    void aCardsLinkIsTheOneSlackGives() {
        Optional<String> link = bed.adapter.notifier().permalink(SlackTestBed.CHANNEL, "1770000000.000100");

        assertThat(link).contains(FakeSlackApi.permalink(SlackPayloads.CHANNEL, "1770000000.000100"));
        assertThat(bed.slack.awaitCall("chat.getPermalink").param("message_ts")).isEqualTo("1770000000.000100");
    }

    @Test
    void anotherPlatformsChannelIsNotSlacks() {
        ChannelRef discord = new ChannelRef(Platform.DISCORD, "guild", "123");

        assertThatThrownBy(() -> bed.adapter.notifier().showCard(discord, Optional.empty(), CARD))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(bed.slack.calls("chat.postMessage")).isEmpty();
    }
}
