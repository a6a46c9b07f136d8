package io.masscast.ofauth;

import static io.masscast.ofauth.WireFixture.CONNECTION;
import static io.masscast.ofauth.WireFixture.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.core.model.Audience;
import io.masscast.core.model.DeletedMessage;
import io.masscast.core.model.MassMessage;
import io.masscast.core.model.MediaItem;
import io.masscast.core.model.MessageContent;
import io.masscast.core.model.MessageDetails;
import io.masscast.core.model.MessageReceipt;
import io.masscast.core.model.SentMessageStats;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.OfAuthFailure;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MassMessageWireTest {

    private static final String RECEIPT = """
            { "id": 3409917724, "date": "2025-07-01T09:12:44+00:00", "isReady": true, "isDone": false, "total": -1,
              "pending": 0, "canUnsend": true, "unsendSeconds": 120, "hasError": false, "isCanceled": false,
              "isCouplePeopleMedia": false }""";

    private static final MassMessage FULL = new MassMessage(
            new MessageContent(
                    "New set is up 🔥 first pic free",
                    true,
                    false,
                    List.of(
                            MediaItem.vault(48213377),
                            new MediaItem(MediaItem.Kind.UPLOAD, "upload:6f1c2a90-2b7e-4c1e-9d7a-0e5b1f3c8a21"),
                            new MediaItem(MediaItem.Kind.URL, "https://cdn.example.com/set/1.jpg")),
                    1,
                    new BigDecimal("12.50")),
            new Audience(
                    List.of("51277310", "u_named"),
                    List.of("1187345", "fans"),
                    List.of("1190022"),
                    Optional.of(Instant.parse("2025-06-01T00:00:00Z"))),
            Optional.of(Instant.parse("2025-07-04T18:00:00.250Z")));

    private static final String FULL_BODY = """
            { "text": "New set is up 🔥 first pic free", "isMarkdown": true, "isLockedText": false,
              "mediaItems": [48213377, "upload:6f1c2a90-2b7e-4c1e-9d7a-0e5b1f3c8a21", "https://cdn.example.com/set/1.jpg"],
              "previewMediaCount": 1, "price": 12.50,
              "userIds": [51277310, "u_named"], "userLists": [1187345, "fans"], "excludeUserLists": [1190022],
              "subscribedAfterDate": "2025-06-01T00:00:00Z", "scheduledDate": "2025-07-04T18:00:00Z" }""";

    @RegisterExtension
    final WireFixture wire = new WireFixture();

    @Test
    void createSendsEveryFieldInOfAuthsFormatAndReadsTheReceipt() throws Exception {
        wire.enqueue(200, RECEIPT);

        MessageReceipt receipt = wire.client.createMassMessage(CONNECTION, FULL, () -> {});

        RecordedRequest request = wire.takeAccess("POST", "/v2/access/mass-messages");
        String body = request.getBody().utf8();
        assertThat(parse(body)).isEqualTo(parse(FULL_BODY));
        assertThat(body).contains("\"price\":12.50").doesNotContain("null");
        assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(request.getUrl().querySize()).isZero();
        assertThat(receipt)
                .isEqualTo(new MessageReceipt(
                        3409917724L, Instant.parse("2025-07-01T09:12:44Z"), false, true, 120, false, false));
    }

    @Test
    void createOfPlainTextLeavesOutEverythingThatIsEmpty() throws Exception {
        wire.enqueue(200, RECEIPT);

        wire.client.createMassMessage(
                CONNECTION,
                new MassMessage(MessageContent.text("Hi"), Audience.ofLists("1"), Optional.empty()),
                () -> {});

        String body =
                wire.takeAccess("POST", "/v2/access/mass-messages").getBody().utf8();
        assertThat(parse(body)).isEqualTo(parse("""
                {"text": "Hi", "isMarkdown": true, "isLockedText": false, "userLists": [1]}"""));
    }

    @Test
    void freeMessageWithMediaSendsPreviewCountButNoPrice() throws Exception {
        wire.enqueue(200, RECEIPT);
        MessageContent content = new MessageContent("", false, true, List.of(MediaItem.vault(7)), 0, BigDecimal.ZERO);
        Audience audience = new Audience(List.of("9"), List.of(), List.of(), Optional.empty());

        wire.client.createMassMessage(CONNECTION, new MassMessage(content, audience, Optional.empty()), () -> {});

        String body =
                wire.takeAccess("POST", "/v2/access/mass-messages").getBody().utf8();
        assertThat(parse(body)).isEqualTo(parse("""
                {"text": "", "isMarkdown": false, "isLockedText": true, "mediaItems": [7], "previewMediaCount": 0,
                 "userIds": [9]}"""));
    }

    @Test
    void wholePricesAndIdsThatAreNotPlainNumbersKeepTheirForm() throws Exception {
        wire.enqueue(200, RECEIPT);
        MessageContent content = new MessageContent("x", true, false, List.of(), 0, new BigDecimal("15"));
        Audience audience =
                new Audience(List.of("007", "12345678901234567890"), List.of("fans"), List.of(), Optional.empty());

        wire.client.createMassMessage(CONNECTION, new MassMessage(content, audience, Optional.empty()), () -> {});

        String body =
                wire.takeAccess("POST", "/v2/access/mass-messages").getBody().utf8();
        assertThat(body).contains("\"price\":15");
        assertThat(parse(body)).isEqualTo(parse("""
                {"text": "x", "isMarkdown": true, "isLockedText": false, "price": 15,
                 "userIds": ["007", "12345678901234567890"], "userLists": ["fans"]}"""));
    }

    @Test
    void createReadsIdsAsStringsAndCreatedAtInsteadOfDate() {
        wire.enqueue(201, """
                {"id": "3409917725", "createdAt": "2025-07-01T09:12:44.123Z", "isDone": true, "somethingNew": {"a": [1]}}""");

        MessageReceipt receipt = wire.client.createMassMessage(CONNECTION, FULL, () -> {});

        assertThat(receipt.id()).isEqualTo(3409917725L);
        assertThat(receipt.date()).isEqualTo(Instant.parse("2025-07-01T09:12:44.123Z"));
        assertThat(receipt.done()).isTrue();
    }

    @Test
    void createAnsweredWithAnIdButNoDateIsStillKnownToHaveWorked() {
        wire.enqueue(200, "{\"id\": 5}");

        MessageReceipt receipt = wire.client.createMassMessage(CONNECTION, FULL, () -> {});

        assertThat(receipt.id()).isEqualTo(5);
        assertThat(receipt.date()).isEqualTo(wire.clock.instant());
    }

    @Test
    void createWhoseAnswerCannotBeReadIsAnUnknownOutcomeAndIsNotRepeated() {
        wire.enqueue(200, "{\"id\": ");

        assertThatThrownBy(() -> wire.client.createMassMessage(CONNECTION, FULL, () -> {}))
                .isInstanceOfSatisfying(OfAuthFailure.BadPayload.class, failure -> {
                    assertThat(failure.mayHaveTakenEffect()).isTrue();
                    assertThat(failure.getMessage()).contains("outcome unknown");
                });
        assertThat(wire.server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void createAnsweredWithoutAnIdIsBadPayload() {
        wire.enqueue(200, "{\"date\": \"2025-07-01T09:12:44Z\"}");

        assertThatThrownBy(() -> wire.client.createMassMessage(CONNECTION, FULL, () -> {}))
                .isInstanceOf(OfAuthFailure.BadPayload.class);
    }

    @Test
    void replaceSendsTheSameBodyAsCreateToTheMessagesPath() throws Exception {
        wire.enqueue(200, RECEIPT);
        wire.enqueue(200, RECEIPT);

        wire.client.createMassMessage(CONNECTION, FULL, () -> {});
        MessageReceipt receipt = wire.client.replaceMassMessage(CONNECTION, 3409917724L, FULL, () -> {});

        String created =
                wire.takeAccess("POST", "/v2/access/mass-messages").getBody().utf8();
        RecordedRequest replace = wire.takeAccess("PUT", "/v2/access/mass-messages/3409917724");
        assertThat(parse(replace.getBody().utf8())).isEqualTo(parse(created)).isEqualTo(parse(FULL_BODY));
        assertThat(replace.getHeaders().get("Content-Type")).startsWith("application/json");
        assertThat(receipt.id()).isEqualTo(3409917724L);
    }

    @Test
    void getReadsTheSchemaShape() throws Exception {
        wire.enqueue(200, """
                { "id": 3409917724, "text": "<p>New set is up</p>", "rawText": "New set is up", "fromUser": {"id": 88123401, "name": "Mila"},
                  "media": [{"id": 48213377, "type": "photo"}, {"id": 48213378, "type": "video"}], "previews": [48213377],
                  "isFree": false, "price": "12.50", "createdAt": "2025-07-01T09:12:44+00:00", "queueId": 77 }""");

        MessageDetails details = wire.client.massMessage(CONNECTION, 3409917724L, CallPriority.INTERACTIVE);

        RecordedRequest request = wire.takeAccess("GET", "/v2/access/mass-messages/3409917724");
        assertThat(request.getBodySize()).isZero();
        assertThat(details)
                .isEqualTo(new MessageDetails(
                        3409917724L,
                        "New set is up",
                        false,
                        Optional.of(new BigDecimal("12.50")),
                        2,
                        Optional.of(Instant.parse("2025-07-01T09:12:44Z"))));
    }

    @Test
    void getReadsStringIdsNumericPricesAndMediaCount() {
        wire.enqueue(200, """
                {"id": "42", "text": "hi", "price": 9.5, "mediaCount": 3, "date": "2025-07-01T09:12:44Z"}""");

        MessageDetails details = wire.client.massMessage(CONNECTION, 42, CallPriority.BACKGROUND);

        assertThat(details)
                .isEqualTo(new MessageDetails(
                        42,
                        "hi",
                        false,
                        Optional.of(new BigDecimal("9.5")),
                        3,
                        Optional.of(Instant.parse("2025-07-01T09:12:44Z"))));
    }

    @Test
    void getOfAFreeMessageWithoutPriceOrDate() {
        wire.enqueue(200, "{\"id\": 42, \"text\": \"hi\", \"media\": []}");

        MessageDetails details = wire.client.massMessage(CONNECTION, 42, CallPriority.BACKGROUND);

        assertThat(details).isEqualTo(new MessageDetails(42, "hi", true, Optional.empty(), 0, Optional.empty()));
    }

    @Test
    void deleteReadsTheCancelledQueueEntryWithItsStringPrice() throws Exception {
        wire.enqueue(200, """
                { "success": true,
                  "queue": { "id": 3409917724, "text": "New set is up 🔥", "fromUser": {"id": 88123401, "name": "Mila"},
                    "media": [], "previews": [48213377], "date": "2025-07-04T18:00:00+00:00", "textCropped": "New set…",
                    "sentCount": 0, "viewedCount": 0, "canUnsend": false, "unsendSeconds": 0, "isCanceled": true,
                    "mediaTypes": {"photo": 2, "video": 0, "gif": 0, "audio": 0}, "hasError": false, "price": "12.50",
                    "purchasedCount": 0, "canSendMessageToBuyers": false } }""");

        DeletedMessage deleted = wire.client.deleteMassMessage(CONNECTION, 3409917724L);

        RecordedRequest request = wire.takeAccess("DELETE", "/v2/access/mass-messages/3409917724");
        assertThat(request.getBodySize()).isZero();
        assertThat(deleted.success()).isTrue();
        assertThat(deleted.message())
                .contains(new SentMessageStats(
                        3409917724L,
                        Instant.parse("2025-07-04T18:00:00Z"),
                        "New set is up 🔥",
                        0,
                        0,
                        0,
                        new BigDecimal("12.50"),
                        Optional.empty(),
                        0,
                        true,
                        false,
                        0));
    }

    @Test
    void deleteWithoutQueueOrWithoutBodyStillSucceeds() {
        wire.enqueue(200, "{\"success\": true}");
        wire.enqueue(new MockResponse.Builder().code(204).build());
        wire.enqueue(200, "{\"success\": false}");

        assertThat(wire.client.deleteMassMessage(CONNECTION, 1)).isEqualTo(new DeletedMessage(true, Optional.empty()));
        assertThat(wire.client.deleteMassMessage(CONNECTION, 2)).isEqualTo(new DeletedMessage(true, Optional.empty()));
        assertThat(wire.client.deleteMassMessage(CONNECTION, 3)).isEqualTo(new DeletedMessage(false, Optional.empty()));
    }
}
