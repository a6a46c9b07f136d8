package io.masscast.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.core.model.ConnectionEvent;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a verified webhook body is read: both field names OFAuth uses, and what is not a connection event. */
class OfAuthWebhookEventTest {

    private static Optional<ConnectionEvent> read(String body, Optional<String> deliveryId) {
        return OfAuthWebhookHandler.event(body.getBytes(StandardCharsets.UTF_8), deliveryId);
    }

    @Test
    void theSdksEventTypeAndTheDocsTypeAreBothRead() {
        assertThat(read(
                        "{\"id\":\"evt_9\",\"eventType\":\"connection.updated\",\"data\":{\"connection\":{\"id\":\"conn_a\","
                                + "\"status\":\"active\"}}}",
                        Optional.empty()))
                .contains(new ConnectionEvent("evt_9", "connection.updated", "conn_a", Optional.of("active")));
        assertThat(read(
                        "{\"type\":\"connection.expired\",\"data\":{\"connection\":{\"id\":\"conn_a\"}}}",
                        Optional.of("msg_1")))
                .contains(new ConnectionEvent("msg_1", "connection.expired", "conn_a", Optional.empty()));
    }

    @Test
    void anEventWithoutAnIdIsKnownByItsBodysHash() {
        String body = "{\"eventType\":\"connection.expired\",\"data\":{\"connection\":{\"id\":\"conn_a\"}}}";

        assertThat(read(body, Optional.empty()).orElseThrow().eventId())
                .startsWith("sha256:")
                .hasSize(7 + 64)
                .isEqualTo(read(body, Optional.empty()).orElseThrow().eventId());
    }

    @Test
    void otherEventsAreNotConnectionEventsAndUnreadableOnesAreRefused() {
        assertThat(read("{\"eventType\":\"rules.updated\",\"data\":{\"rules\":{}}}", Optional.empty()))
                .isEmpty();
        assertThatThrownBy(() ->
                        read("{\"eventType\":\"connection.expired\",\"data\":{\"connection\":{}}}", Optional.empty()))
                .hasMessage("the event names no connection");
        assertThatThrownBy(() -> read("not json", Optional.empty())).hasMessage("the body is not JSON");
        assertThatThrownBy(() -> read("{\"data\":{}}", Optional.empty())).hasMessage("the event has no eventType");
        assertThatThrownBy(() -> read("[1]", Optional.empty())).hasMessage("the body is not a JSON object");
    }
}
