package io.masscast.simulator;

import static io.masscast.simulator.MassMessageTestData.aMessage;
import static io.masscast.simulator.SimulatorClient.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class AnalyticsTest {
    private static final String SENT = "/v2/access/analytics/mass-messages/sent";
    private static final String PURCHASED = "/v2/access/analytics/mass-messages/purchased";
    private static final String CHART = "/v2/access/analytics/mass-messages/chart";

    @AutoClose
    private final OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private final SimulatorClient client = new SimulatorClient(simulator);

    @Test
    void sentListsTheSeededHistoryNewestFirst() {
        SimResponse response = client.get(DEMO, SENT + "?limit=100");

        List<Map<String, Object>> items = response.list("items");
        assertThat(response.bool("hasMore")).isFalse();
        assertThat(items).hasSize(30);
        assertThat(items).extracting(item -> date(item.get("date"))).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(date(items.get(items.size() - 1).get("date")))
                .isAfter(simulator.clock().now().minus(Duration.ofDays(61)));
        assertThat(items).allSatisfy(item -> {
            assertThat(item)
                    .containsKeys(
                            "id",
                            "date",
                            "text",
                            "rawText",
                            "sentCount",
                            "viewedCount",
                            "purchasedCount",
                            "price",
                            "isCanceled",
                            "canUnsend",
                            "unsendSeconds",
                            "mediaCount",
                            "isFree");
            assertThat(item.get("price")).isInstanceOf(String.class);
        });
        assertThat(items)
                .anySatisfy(item -> assertThat(((Number) item.get("purchasedCount")).intValue())
                        .isPositive());
    }

    @Test
    void sentHonoursTheLimitAndTheDateRange() {
        SimResponse firstFive = client.get(DEMO, SENT + "?limit=5");
        assertThat(firstFive.list("items")).hasSize(5);
        assertThat(firstFive.bool("hasMore")).isTrue();

        LocalDate today = LocalDate.ofInstant(simulator.clock().now(), ZoneOffset.UTC);
        String range = "?limit=100&startDate=" + today.minusDays(20) + "&endDate=" + today.minusDays(10);
        List<Map<String, Object>> inRange = client.get(DEMO, SENT + range).list("items");
        assertThat(inRange)
                .allSatisfy(item -> assertThat(date(item.get("date")))
                        .isAfterOrEqualTo(
                                today.minusDays(20).atStartOfDay(ZoneOffset.UTC).toInstant())
                        .isBefore(
                                today.minusDays(9).atStartOfDay(ZoneOffset.UTC).toInstant()));
        assertThat(inRange.size()).isLessThan(30);
    }

    @Test
    void sentIncludesAScheduledMessageOnlyOnceItHasGoneOut() {
        long id = client.create(aMessage().scheduledAt(simulator.clock().now().plus(Duration.ofHours(1))))
                .number("id");
        assertThat(ids(client.get(DEMO, SENT + "?limit=100").list("items"))).doesNotContain(id);

        simulator.clock().advance(Duration.ofMinutes(61));

        List<Map<String, Object>> items = client.get(DEMO, SENT + "?limit=100").list("items");
        assertThat(ids(items)).hasSize(31).startsWith(id);
    }

    @Test
    void purchasedListsMessagesWithPurchasesAndPagesByOffset() {
        List<Map<String, Object>> all =
                client.get(DEMO, PURCHASED + "?limit=100").list("items");
        assertThat(all)
                .isNotEmpty()
                .allSatisfy(item -> assertThat(((Number) item.get("purchasedCount")).intValue())
                        .isPositive());

        SimResponse firstPage = client.get(DEMO, PURCHASED + "?limit=3");
        SimResponse secondPage = client.get(DEMO, PURCHASED + "?limit=3&offset=3");
        assertThat(firstPage.bool("hasMore")).isEqualTo(all.size() > 3);
        assertThat(ids(secondPage.list("items"))).isEqualTo(ids(all).subList(3, Math.min(6, all.size())));
        assertThat(client.get(DEMO, PURCHASED).list("items")).hasSize(Math.min(20, all.size()));
        assertThat(client.get(DEMO, PURCHASED + "?limit=101").status()).isEqualTo(400);
    }

    @Test
    void theChartHasFourDailySeriesConsistentWithSentMessages() {
        LocalDate today = LocalDate.ofInstant(simulator.clock().now(), ZoneOffset.UTC);
        String range = "?startDate=" + today.minusDays(59) + "&endDate=" + today;

        SimResponse chart = client.get(DEMO, CHART + range);

        assertThat(chart.object())
                .containsOnlyKeys(
                        "group_messages", "group_messages_purchases", "direct_messages", "direct_messages_purchases");
        for (String series :
                List.of("group_messages", "group_messages_purchases", "direct_messages", "direct_messages_purchases")) {
            List<Map<String, Object>> points = chart.list(series, "chart");
            assertThat(points).hasSize(60);
            long sum = points.stream()
                    .mapToLong(point -> ((Number) point.get("count")).longValue())
                    .sum();
            assertThat(chart.number(series, "total")).isEqualTo(sum);
            assertThat(chart.at(series, "delta")).isInstanceOf(Number.class);
        }
        assertThat(chart.number("group_messages", "total")).isEqualTo(30);
        long purchases = client.get(DEMO, SENT + "?limit=100").list("items").stream()
                .mapToLong(item -> ((Number) item.get("purchasedCount")).longValue())
                .sum();
        assertThat(chart.number("group_messages_purchases", "total")).isEqualTo(purchases);
    }

    @Test
    void anUpsideDownChartRangeIsABadRequest() {
        SimResponse response = client.get(DEMO, CHART + "?startDate=2025-07-10&endDate=2025-07-01");

        assertThat(response.status()).isEqualTo(400);
    }

    private static List<Long> ids(List<Map<String, Object>> items) {
        return items.stream().map(item -> ((Number) item.get("id")).longValue()).toList();
    }

    private static Instant date(Object onlyFansDate) {
        return OffsetDateTime.parse((String) onlyFansDate).toInstant();
    }
}
