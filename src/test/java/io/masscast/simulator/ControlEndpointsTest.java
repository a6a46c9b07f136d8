package io.masscast.simulator;

import static io.masscast.simulator.MassMessageTestData.aMessage;
import static io.masscast.simulator.SimulatorClient.DEMO;
import static io.masscast.simulator.SimulatorClient.MASS_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class ControlEndpointsTest {
    @AutoClose
    private final OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private final SimulatorClient client = new SimulatorClient(simulator);

    @Test
    void everyOfAuthRequestIsRecordedWhateverItsAnswerButNeverTheKey() {
        String body = aMessage().json();
        client.post(DEMO, MASS_MESSAGES, body);
        client.post(null, MASS_MESSAGES, body);
        client.get(DEMO, "/v2/access/users/lists?limit=5&offset=0");
        simulator.faults().add(Fault.rateLimitStorm(1));
        client.post(DEMO, MASS_MESSAGES, body);
        client.control("GET", "/_sim/clock", null);

        List<RecordedRequest> recorded = simulator.requests();

        assertThat(recorded).extracting(RecordedRequest::method).containsExactly("POST", "POST", "GET", "POST");
        assertThat(recorded.get(0)).satisfies(request -> {
            assertThat(request.path()).isEqualTo(MASS_MESSAGES);
            assertThat(request.body()).isEqualTo(body);
            assertThat(request.connectionId()).isEqualTo(DEMO);
            assertThat(request.receivedAt()).isBeforeOrEqualTo(simulator.clock().now());
        });
        assertThat(recorded.get(1).connectionId()).isNull();
        assertThat(recorded.get(2).query()).isEqualTo("limit=5&offset=0");
        SimResponse overHttp = client.control("GET", "/_sim/requests", null);
        assertThat(overHttp.list()).hasSize(4);
        assertThat(overHttp.object(0))
                .containsOnlyKeys("method", "path", "query", "body", "connectionId", "receivedAt");
        assertThat(overHttp.body()).doesNotContain(simulator.apiKey());
    }

    @Test
    void recordedRequestsCanBeCleared() {
        client.get(DEMO, "/v2/access/self");
        simulator.clearRequests();
        client.get(DEMO, "/v2/access/self");

        assertThat(simulator.requests()).hasSize(1);
        assertThat(client.control("DELETE", "/_sim/requests", null).status()).isEqualTo(204);
        assertThat(client.control("GET", "/_sim/requests", null).list()).isEmpty();
    }

    @Test
    void theClockAdvancesThroughTheControlApi() {
        Instant before =
                Instant.parse(client.control("GET", "/_sim/clock", null).string("now"));

        SimResponse advanced = client.control("POST", "/_sim/clock/advance", "{\"seconds\": 3600}");

        assertThat(Instant.parse(advanced.string("now"))).isAfterOrEqualTo(before.plus(Duration.ofHours(1)));
        assertThat(simulator.clock().now()).isAfterOrEqualTo(before.plus(Duration.ofHours(1)));
        assertThat(client.control("POST", "/_sim/clock/advance", "{\"seconds\": -5}")
                        .status())
                .isEqualTo(400);
    }

    @Test
    void messagesShowEveryMessageWithItsState() {
        long scheduled = client.create(
                        aMessage().scheduledAt(simulator.clock().now().plus(Duration.ofHours(1))))
                .number("id");
        long immediate = client.create(aMessage().priced(5)).number("id");

        List<Map<String, Object>> messages =
                client.control("GET", "/_sim/messages", null).list();

        assertThat(messages)
                .filteredOn(message -> (Boolean) message.get("seeded"))
                .hasSize(90)
                .allSatisfy(message -> assertThat(message).containsEntry("state", "SENT"));
        assertThat(messages)
                .filteredOn(message -> ((Number) message.get("id")).longValue() == scheduled)
                .singleElement()
                .satisfies(message ->
                        assertThat(message).containsEntry("state", "SCHEDULED").containsEntry("connectionId", DEMO));
        assertThat(messages)
                .filteredOn(message -> ((Number) message.get("id")).longValue() == immediate)
                .singleElement()
                .satisfies(message ->
                        assertThat(message).containsEntry("state", "SENDING").containsEntry("price", "5.00"));
    }

    @Test
    void anUnknownControlRouteIsNotFound() {
        assertThat(client.control("GET", "/_sim/nothing", null).status()).isEqualTo(404);
        assertThat(simulator.requests()).isEmpty();
    }
}
