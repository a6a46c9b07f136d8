package io.masscast.simulator;

import static io.masscast.simulator.MassMessageTestData.aMessage;
import static io.masscast.simulator.SimulatorClient.DEMO;
import static io.masscast.simulator.SimulatorClient.MASS_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class UnsendTest {
    @AutoClose
    private final OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private final SimulatorClient client = new SimulatorClient(simulator);

    @Test
    void unsendingInsideTheWindowCancelsButBuyersKeepAccess() {
        long id = client.create(aMessage().priced(25).with("mediaItems", List.of(48_000_100)))
                .number("id");
        simulator.clock().advance(Duration.ofMinutes(3));
        List<Long> buyersBefore = client.buyerIds(id);

        SimResponse deleted = client.delete(DEMO, MASS_MESSAGES + "/" + id);

        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.bool("success")).isTrue();
        assertThat(deleted.bool("queue", "isCanceled")).isTrue();
        assertThat(deleted.bool("queue", "canUnsend")).isFalse();
        assertThat(deleted.string("queue", "price")).isEqualTo("25.00");
        assertThat(deleted.number("queue", "purchasedCount")).isEqualTo(buyersBefore.size());
        simulator.clock().advance(Duration.ofMinutes(30));
        assertThat(buyersBefore).isNotEmpty();
        assertThat(client.buyerIds(id)).isEqualTo(buyersBefore);
        Map<String, Object> item = client.sentItem(id);
        assertThat(item).containsEntry("isCanceled", true).containsEntry("canUnsend", false);
        assertThat(((Number) item.get("purchasedCount")).intValue()).isEqualTo(buyersBefore.size());
    }

    @Test
    void unsendingAfterTheWindowIsABadRequest() {
        long id = client.create(aMessage()).number("id");
        simulator.clock().advance(Duration.ofMinutes(10).plusSeconds(1));

        SimResponse response = client.delete(DEMO, MASS_MESSAGES + "/" + id);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.string("error")).contains("unsend window");
        assertThat(client.sentItem(id)).containsEntry("isCanceled", false);
    }

    @Test
    void theUnsendWindowIsConfigurable() {
        try (OfAuthSimulator shortWindow =
                OfAuthSimulator.start(SimulatorConfig.defaults().withUnsendWindow(Duration.ofMinutes(1)))) {
            SimulatorClient shortClient = new SimulatorClient(shortWindow);
            SimResponse created = shortClient.create(aMessage());
            shortWindow.clock().advance(Duration.ofSeconds(61));

            assertThat(created.number("unsendSeconds")).isBetween(59L, 60L);
            assertThat(shortClient
                            .delete(DEMO, MASS_MESSAGES + "/" + created.number("id"))
                            .status())
                    .isEqualTo(400);
        }
    }
}
