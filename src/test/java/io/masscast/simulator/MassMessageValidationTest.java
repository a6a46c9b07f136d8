package io.masscast.simulator;

import static io.masscast.simulator.MassMessageTestData.aMessage;
import static io.masscast.simulator.SimulatorClient.DEMO;
import static io.masscast.simulator.SimulatorClient.MASS_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class MassMessageValidationTest {
    @AutoClose
    private final OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private final SimulatorClient client = new SimulatorClient(simulator);

    static Stream<Arguments> invalidBodies() {
        return Stream.of(
                Arguments.of(aMessage().with("text", "x".repeat(10_001)), "text"),
                Arguments.of(aMessage().with("text", 42), "text"),
                Arguments.of(aMessage().priced(200.01), "price"),
                Arguments.of(aMessage().priced(-1), "price"),
                Arguments.of(aMessage().priced(1.5), "price"),
                Arguments.of(aMessage().with("price", "12.50"), "price"),
                Arguments.of(aMessage().with("previewMediaCount", -1), "previewMediaCount"),
                Arguments.of(aMessage().with("previewMediaCount", 0.5), "previewMediaCount"),
                Arguments.of(
                        aMessage().with("mediaItems", List.of(48_000_100)).with("previewMediaCount", 2),
                        "previewMediaCount"),
                Arguments.of(aMessage().with("userIds", List.of(0)), "userIds[0]"),
                Arguments.of(aMessage().with("userIds", List.of(12.5)), "userIds[0]"),
                Arguments.of(aMessage().with("userLists", List.of("fans", "")), "userLists[1]"),
                Arguments.of(aMessage().with("userLists", "fans"), "userLists"),
                Arguments.of(aMessage().with("excludeUserLists", List.of(-3)), "excludeUserLists[0]"),
                Arguments.of(aMessage().with("userLists", List.of(999)), "userLists"),
                Arguments.of(aMessage().with("excludeUserLists", List.of("no-such-list")), "excludeUserLists"),
                Arguments.of(aMessage().with("mediaItems", List.of(0)), "mediaItems[0]"),
                Arguments.of(
                        aMessage().with("mediaItems", List.of(48_000_100, "ftp://example.com/a.jpg")), "mediaItems[1]"),
                Arguments.of(aMessage().with("mediaItems", List.of("")), "mediaItems[0]"),
                Arguments.of(aMessage().with("mediaItems", List.of("hello")), "mediaItems"),
                Arguments.of(
                        aMessage().with("mediaItems", List.of("upload:00000000-0000-0000-0000-000000000000")),
                        "mediaItems"),
                Arguments.of(aMessage().with("userTags", List.of("x")), "userTags[0]"),
                Arguments.of(aMessage().with("isLockedText", "yes"), "isLockedText"),
                Arguments.of(aMessage().with("scheduledDate", "next tuesday"), "scheduledDate"),
                Arguments.of(aMessage().with("subscribedAfterDate", "2025-13-45"), "subscribedAfterDate"),
                Arguments.of(aMessage().without("userLists"), "userIds/userLists"));
    }

    @ParameterizedTest
    @MethodSource("invalidBodies")
    void anInvalidFieldIsABadRequestNamingTheField(MassMessageTestData body, String field) {
        SimResponse response = client.create(body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.string("type")).isEqualTo("BAD_REQUEST");
        assertThat(response.string("error")).startsWith(field);
        assertThat(messagesCreatedThroughTheApi()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\": \"unclosed", "[1, 2]", "", "{\"text\": \"a\"} trailing"})
    void aBodyThatIsNotAJsonObjectIsABadRequest(String body) {
        SimResponse response = client.post(DEMO, MASS_MESSAGES, body);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.string("type")).isEqualTo("BAD_REQUEST");
    }

    @Test
    void aScheduledDateInThePastIsABadRequest() {
        SimResponse response =
                client.create(aMessage().scheduledAt(simulator.clock().now().minus(Duration.ofMinutes(1))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.string("error")).startsWith("scheduledDate");
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, 3, 12.5, 200})
    void pricesFromThreeToTwoHundredAndFreeAreAccepted(double price) {
        assertThat(client.create(aMessage().priced(price)).status()).isEqualTo(200);
    }

    @Test
    void aPriceBelowThreeIsAcceptedWhenTheMinimumIsSwitchedOff() {
        try (OfAuthSimulator lenient =
                OfAuthSimulator.start(SimulatorConfig.defaults().withRejectPriceBelowMinimum(false))) {
            assertThat(new SimulatorClient(lenient)
                            .create(aMessage().priced(1.5))
                            .status())
                    .isEqualTo(200);
        }
    }

    @Test
    void everyAcceptedMediaFormCanBeMixed() {
        SimResponse response = client.create(aMessage()
                .with(
                        "mediaItems",
                        List.of(
                                48_000_100,
                                "48000100",
                                "https://cdn.example.com/clip.mp4",
                                "http://cdn.example.com/a.jpg"))
                .with("previewMediaCount", 4)
                .with("userIds", List.of(1, "not-a-fan"))
                .with("userTags", List.of(7))
                .with("isMarkdown", false));

        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void anIdOfTextWithTheSameDigitsNamesTheSameList() {
        SimResponse byNumber = client.create(aMessage().with("userLists", List.of(1_187_345)));
        SimResponse byString = client.create(aMessage().with("userLists", List.of("1187345")));

        assertThat(byNumber.status()).isEqualTo(200);
        assertThat(byString.number("total")).isEqualTo(byNumber.number("total"));
    }

    private long messagesCreatedThroughTheApi() {
        return client.control("GET", "/_sim/messages", null).list().stream()
                .filter(message -> !(Boolean) message.get("seeded"))
                .count();
    }
}
