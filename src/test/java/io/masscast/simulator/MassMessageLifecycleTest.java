package io.masscast.simulator;

import static io.masscast.simulator.MassMessageTestData.aMessage;
import static io.masscast.simulator.SimulatorClient.DEMO;
import static io.masscast.simulator.SimulatorClient.DEMO2;
import static io.masscast.simulator.SimulatorClient.MASS_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MassMessageLifecycleTest {
    private static final String ONLYFANS_DATE = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+00:00";

    @AutoClose
    private final OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private final SimulatorClient client = new SimulatorClient(simulator);

    @Test
    void createAnswersTheQueueShapeWithALargeNumericId() {
        SimResponse response = client.create(aMessage().scheduledAt(inAnHour()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.object())
                .containsOnlyKeys(
                        "id",
                        "date",
                        "isReady",
                        "isDone",
                        "total",
                        "pending",
                        "canUnsend",
                        "unsendSeconds",
                        "hasError",
                        "isCanceled",
                        "isCouplePeopleMedia");
        assertThat(response.at("id")).isInstanceOf(Double.class);
        assertThat(response.number("id")).isGreaterThan(3_400_000_000L);
        assertThat(response.string("date")).matches(ONLYFANS_DATE);
        assertThat(response.bool("isDone")).isFalse();
        assertThat(response.bool("isCanceled")).isFalse();
    }

    @Test
    void twoIdenticalPostsCreateTwoMessages() {
        String body = aMessage().priced(9.99).json();

        long first = client.post(DEMO, MASS_MESSAGES, body).number("id");
        long second = client.post(DEMO, MASS_MESSAGES, body).number("id");

        assertThat(second).isNotEqualTo(first);
        assertThat(simulator.requests())
                .filteredOn(request -> request.method().equals("POST"))
                .hasSize(2)
                .allSatisfy(request -> assertThat(request.body()).isEqualTo(body));
    }

    @Test
    void getReturnsTheMessageWithoutCounters() {
        long id = client.create(aMessage()
                        .with("text", "Line one\nline <two>")
                        .with("mediaItems", List.of(48_000_100, "https://cdn.example.com/clip.mp4"))
                        .with("previewMediaCount", 1)
                        .priced(12.5))
                .number("id");

        SimResponse message = client.get(DEMO, MASS_MESSAGES + "/" + id);

        assertThat(message.status()).isEqualTo(200);
        assertThat(message.number("id")).isEqualTo(id);
        assertThat(message.string("text")).isEqualTo("<p>Line one<br />line &lt;two&gt;</p>");
        assertThat(message.string("fromUser", "name")).isEqualTo("Mila Rose");
        assertThat(message.list("media")).extracting(media -> media.get("type")).containsExactly("photo", "video");
        assertThat(message.number("previews", 0)).isEqualTo(48_000_100L);
        assertThat(message.bool("isFree")).isFalse();
        assertThat(message.string("price")).isEqualTo("12.50");
        assertThat(message.string("createdAt")).matches(ONLYFANS_DATE);
        assertThat(message.object()).doesNotContainKeys("sentCount", "viewedCount", "purchasedCount", "scheduledDate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "PUT", "DELETE"})
    void anUnknownMessageIdIsResourceNotFound(String method) {
        for (String id : List.of("1", "not-a-number")) {
            SimResponse response = switch (method) {
                case "GET" -> client.get(DEMO, MASS_MESSAGES + "/" + id);
                case "PUT" ->
                    client.put(DEMO, MASS_MESSAGES + "/" + id, aMessage().json());
                default -> client.delete(DEMO, MASS_MESSAGES + "/" + id);
            };

            assertThat(response.status()).isEqualTo(404);
            assertThat(response.string("type")).isEqualTo("RESOURCE_NOT_FOUND");
        }
    }

    @Test
    void anotherConnectionsMessageIsNotFound() {
        long id = client.create(aMessage()).number("id");

        assertThat(client.get(DEMO2, MASS_MESSAGES + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void putReplacesAScheduledMessageAndItsSchedule() {
        long id = client.create(aMessage().scheduledAt(inAnHour()).priced(10)).number("id");
        Instant later = inAnHour().plus(Duration.ofHours(2));

        SimResponse replaced = client.put(
                DEMO,
                MASS_MESSAGES + "/" + id,
                aMessage()
                        .with("text", "Changed my mind")
                        .with("userLists", List.of(1_187_345))
                        .scheduledAt(later)
                        .json());

        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.number("id")).isEqualTo(id);
        assertThat(replaced.object()).containsKeys("isDone", "canUnsend", "unsendSeconds");
        SimResponse message = client.get(DEMO, MASS_MESSAGES + "/" + id);
        assertThat(message.string("text")).isEqualTo("<p>Changed my mind</p>");
        assertThat(message.bool("isFree")).isTrue();
        simulator.clock().advance(Duration.ofMinutes(61));
        assertThat(inspection(id).get("state")).isEqualTo("SCHEDULED");
        simulator.clock().advance(Duration.ofHours(2));
        assertThat(inspection(id).get("state")).isEqualTo("SENT");
    }

    @Test
    void putOnASentMessageIsABadRequest() {
        long id = client.create(aMessage()).number("id");

        SimResponse response = client.put(
                DEMO,
                MASS_MESSAGES + "/" + id,
                aMessage().with("text", "too late").json());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.string("error")).contains("can no longer be changed");
    }

    @Test
    void putOnACanceledMessageIsABadRequest() {
        long id = client.create(aMessage().scheduledAt(inAnHour())).number("id");
        client.delete(DEMO, MASS_MESSAGES + "/" + id);

        SimResponse response = client.put(
                DEMO,
                MASS_MESSAGES + "/" + id,
                aMessage().scheduledAt(inAnHour()).json());

        assertThat(response.status()).isEqualTo(400);
    }

    @Test
    void deletingAScheduledMessageCancelsItForGood() {
        long id = client.create(aMessage().scheduledAt(inAnHour()).priced(12.5).with("mediaItems", List.of(48_000_100)))
                .number("id");

        SimResponse deleted = client.delete(DEMO, MASS_MESSAGES + "/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.bool("success")).isTrue();
        assertThat(deleted.number("queue", "id")).isEqualTo(id);
        assertThat(deleted.bool("queue", "isCanceled")).isTrue();
        assertThat(deleted.string("queue", "price")).isEqualTo("12.50");
        assertThat(deleted.number("queue", "sentCount")).isZero();
        assertThat(deleted.object("queue", "mediaTypes")).containsEntry("photo", 1.0);
        simulator.clock().advance(Duration.ofHours(2));
        assertThat(inspection(id)).containsEntry("state", "CANCELED").containsEntry("sentCount", 0.0);
        assertThat(client.get(DEMO, "/v2/access/analytics/mass-messages/sent?limit=100")
                        .list("items"))
                .noneMatch(item -> ((Number) item.get("id")).longValue() == id);
    }

    @Test
    void deletingTwiceIsABadRequest() {
        long id = client.create(aMessage().scheduledAt(inAnHour())).number("id");
        client.delete(DEMO, MASS_MESSAGES + "/" + id);

        SimResponse again = client.delete(DEMO, MASS_MESSAGES + "/" + id);

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.string("error")).contains("already canceled");
    }

    private Instant inAnHour() {
        return simulator.clock().now().plus(Duration.ofHours(1));
    }

    private Map<String, Object> inspection(long id) {
        return client.control("GET", "/_sim/messages", null).list().stream()
                .filter(message -> ((Number) message.get("id")).longValue() == id)
                .findFirst()
                .orElseThrow();
    }
}
