package io.masscast.simulator;

import static io.masscast.simulator.MassMessageTestData.aMessage;
import static io.masscast.simulator.SimulatorClient.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryAndPurchasesTest {
    @AutoClose
    private final OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private final SimulatorClient client = new SimulatorClient(simulator);

    @Test
    void anImmediateSendReachesItsAudienceOverTheDeliveryDuration() {
        long fans = client.get(DEMO, "/v2/access/users/lists/fans").number("usersCount");
        SimResponse created = client.create(aMessage());
        long id = created.number("id");

        assertThat(created.number("total")).isEqualTo(fans);
        assertThat(created.number("pending")).isPositive();
        assertThat(created.bool("isDone")).isFalse();
        assertThat(sent(id)).isLessThan(fans);

        simulator.clock().advance(Duration.ofMillis(2_500));
        long halfway = sent(id);
        assertThat(halfway).isBetween(fans * 45 / 100, fans * 95 / 100);
        assertThat(viewed(id)).isPositive().isLessThan(halfway);

        simulator.clock().advance(Duration.ofMillis(2_600));
        assertThat(sent(id)).isEqualTo(fans);
        assertThat(viewed(id)).isBetween(fans * 40 / 100, fans * 50 / 100);
    }

    @Test
    void purchasesOfAPricedMessageArriveOverThePurchaseWindow() {
        long id = client.create(aMessage().priced(15).with("mediaItems", List.of(48_000_100)))
                .number("id");
        simulator.clock().advance(Duration.ofSeconds(6));
        long total = sent(id);
        long early = purchased(id);

        simulator.clock().advance(Duration.ofSeconds(150));
        long midway = purchased(id);
        simulator.clock().advance(Duration.ofMinutes(5));
        long settled = purchased(id);

        assertThat(early).isLessThan(midway);
        assertThat(midway).isLessThan(settled);
        assertThat(settled).isBetween(total * 2 / 100, total * 6 / 100);
        simulator.clock().advance(Duration.ofHours(1));
        assertThat(purchased(id)).isEqualTo(settled);
    }

    @Test
    void buyersPageToTheEndWithMarkersAndShowNoAmounts() {
        long id = client.create(aMessage().priced(20).with("mediaItems", List.of(48_000_100)))
                .number("id");
        simulator.clock().advance(Duration.ofMinutes(6));

        List<Map<String, Object>> buyers = new ArrayList<>();
        long marker = 0;
        int pages = 0;
        SimResponse page;
        do {
            page = client.get(DEMO, "/v2/access/analytics/mass-messages/" + id + "/buyers?limit=7&marker=" + marker);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.list("list")).hasSizeLessThanOrEqualTo(7);
            buyers.addAll(page.list("list"));
            if (page.bool("hasMore")) {
                assertThat(page.number("nextMarker"))
                        .as("an older purchase time each page")
                        .isPositive()
                        .isNotEqualTo(marker);
                if (marker != 0) {
                    assertThat(page.number("nextMarker")).isLessThan(marker);
                }
                marker = page.number("nextMarker");
            }
            pages++;
        } while (page.bool("hasMore") && pages < 100);

        assertThat(page.bool("hasMore")).isFalse();
        assertThat(page.at("nextMarker")).isNull();
        assertThat(buyers).hasSize((int) purchased(id)).isNotEmpty();
        assertThat(buyers).extracting(buyer -> buyer.get("id")).doesNotHaveDuplicates();
        assertThat(buyers.get(0))
                .containsKeys("id", "username", "name", "isVerified", "avatar")
                .doesNotContainKey("amount");
    }

    @Test
    void buyersComeNewestFirstAndAMarkerStillLeadsToTheOlderOnesAfterNewPurchases() {
        long id = client.create(aMessage().priced(20).with("mediaItems", List.of(48_000_100)))
                .number("id");
        simulator.clock().advance(Duration.ofMinutes(2));
        SimResponse first = client.get(DEMO, "/v2/access/analytics/mass-messages/" + id + "/buyers?limit=3");
        long marker = first.number("nextMarker");
        SimResponse older =
                client.get(DEMO, "/v2/access/analytics/mass-messages/" + id + "/buyers?limit=3&marker=" + marker);

        simulator.clock().advance(Duration.ofMinutes(2)); // more purchases: they come before the first page
        List<Long> all = client.buyerIds(id);
        SimResponse olderAgain =
                client.get(DEMO, "/v2/access/analytics/mass-messages/" + id + "/buyers?limit=3&marker=" + marker);

        assertThat(olderAgain.list("list")).isEqualTo(older.list("list"));
        List<Long> firstIds = first.list("list").stream()
                .map(buyer -> ((Number) buyer.get("id")).longValue())
                .toList();
        int at = Collections.indexOfSubList(all, firstIds);
        assertThat(at).as("the earlier first page follows the newer purchases").isPositive();
    }

    @Test
    void buyersDefaultToPagesOfTen() {
        long id = client.create(aMessage().priced(20)).number("id");
        simulator.clock().advance(Duration.ofMinutes(6));

        assertThat(client.get(DEMO, "/v2/access/analytics/mass-messages/" + id + "/buyers")
                        .list("list"))
                .hasSize(10);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "21", "ten"})
    void aBuyersLimitOutsideOneToTwentyIsABadRequest(String limit) {
        long id = client.create(aMessage().priced(20)).number("id");

        SimResponse response = client.get(DEMO, "/v2/access/analytics/mass-messages/" + id + "/buyers?limit=" + limit);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.string("error")).startsWith("limit");
    }

    @Test
    void aFreeMessageHasViewsButNoBuyers() {
        long id = client.create(aMessage()).number("id");
        simulator.clock().advance(Duration.ofMinutes(10));

        assertThat(viewed(id)).isPositive();
        assertThat(purchased(id)).isZero();
        assertThat(client.get(DEMO, "/v2/access/analytics/mass-messages/" + id + "/buyers")
                        .list("list"))
                .isEmpty();
    }

    @Test
    void theSameSeedGivesTheSameBuyers() {
        List<Long> first = buyersOfANewMessage(simulator);
        try (OfAuthSimulator twin = OfAuthSimulator.start(SimulatorConfig.defaults())) {
            assertThat(buyersOfANewMessage(twin)).isEqualTo(first);
        }
    }

    private static List<Long> buyersOfANewMessage(OfAuthSimulator sim) {
        SimulatorClient simClient = new SimulatorClient(sim);
        long id = simClient.create(aMessage().priced(20)).number("id");
        sim.clock().advance(Duration.ofMinutes(6));
        return simClient.buyerIds(id);
    }

    private long sent(long id) {
        return ((Number) client.sentItem(id).get("sentCount")).longValue();
    }

    private long viewed(long id) {
        return ((Number) client.sentItem(id).get("viewedCount")).longValue();
    }

    private long purchased(long id) {
        return ((Number) client.sentItem(id).get("purchasedCount")).longValue();
    }
}
