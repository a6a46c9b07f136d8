package io.masscast.simulator;

import static io.masscast.simulator.MassMessageTestData.aMessage;
import static io.masscast.simulator.SimulatorClient.DEMO;
import static io.masscast.simulator.SimulatorClient.MASS_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class SchedulingTest {
    private static final long VIP_WHALES = 1_187_345L;
    private static final long DO_NOT_PPV = 1_190_022L;
    private static final long BIG_SPENDERS = 1_193_810L;

    @AutoClose
    private OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private SimulatorClient client = new SimulatorClient(simulator);

    @Test
    void aScheduledMessageWaitsForItsDateThenReachesListMembersMinusExclusions() {
        Instant sendAt = simulator.clock().now().plus(Duration.ofHours(3));
        SimResponse created = client.create(aMessage()
                .with("userLists", List.of("fans", BIG_SPENDERS))
                .with("excludeUserLists", List.of(DO_NOT_PPV))
                .scheduledAt(sendAt));
        long id = created.number("id");

        assertThat(created.bool("isDone")).isFalse();
        assertThat(created.number("total")).isEqualTo(-1);
        simulator.clock().advance(Duration.ofHours(2));
        assertThat(sentIds()).doesNotContain(id);

        simulator.clock().advance(Duration.ofHours(1).plusSeconds(1));

        Set<Long> audience = new HashSet<>(client.listMemberIds(DEMO, "fans"));
        audience.addAll(client.listMemberIds(DEMO, BIG_SPENDERS));
        client.listMemberIds(DEMO, DO_NOT_PPV).forEach(audience::remove);
        Map<String, Object> item = client.sentItem(id);
        assertThat(((Number) item.get("sentCount")).intValue())
                .isEqualTo(audience.size())
                .isPositive();
        assertThat(item.get("canUnsend")).isEqualTo(true);
        assertThat(((Number) item.get("unsendSeconds")).longValue()).isBetween(590L, 600L);
        assertThat(OffsetDateTime.parse((String) item.get("date")).toInstant())
                .isEqualTo(sendAt.truncatedTo(ChronoUnit.SECONDS));
    }

    @Test
    void theUnsendWindowCountsDownAndCloses() {
        long id = client.create(aMessage().scheduledAt(simulator.clock().now().plusSeconds(60)))
                .number("id");
        simulator.clock().advance(Duration.ofSeconds(61));
        long atSend = ((Number) client.sentItem(id).get("unsendSeconds")).longValue();

        simulator.clock().advance(Duration.ofMinutes(4));
        long fourMinutesLater = ((Number) client.sentItem(id).get("unsendSeconds")).longValue();
        simulator.clock().advance(Duration.ofMinutes(6));
        Map<String, Object> closed = client.sentItem(id);

        assertThat(atSend - fourMinutesLater).isBetween(239L, 241L);
        assertThat(closed.get("canUnsend")).isEqualTo(false);
        assertThat(closed.get("unsendSeconds")).isEqualTo(0.0);
    }

    @Test
    void aScheduledDateWithAnOffsetIsUnderstood() {
        OffsetDateTime inTwoHours =
                simulator.clock().now().plus(Duration.ofHours(2)).atOffset(ZoneOffset.ofHours(2));
        long id = client.create(aMessage().with("scheduledDate", inTwoHours.toString()))
                .number("id");

        simulator.clock().advance(Duration.ofMinutes(119));
        assertThat(sentIds()).doesNotContain(id);
        simulator.clock().advance(Duration.ofMinutes(2));
        assertThat(sentIds()).contains(id);
    }

    @Test
    void explicitUserIdsJoinTheAudienceAndUnknownIdsAreDropped() {
        List<Long> vips = client.listMemberIds(DEMO, VIP_WHALES);
        List<Long> someFans = client.listMemberIds(DEMO, "recent").subList(0, 5);
        Set<Long> expected = new HashSet<>(vips);
        expected.addAll(someFans);
        List<Object> userIds = new ArrayList<>(someFans);
        userIds.add(1L);

        long id = client.create(aMessage()
                        .with("userLists", List.of(VIP_WHALES))
                        .with("userIds", userIds)
                        .scheduledAt(simulator.clock().now().plusSeconds(10)))
                .number("id");
        simulator.clock().advance(Duration.ofSeconds(11));

        assertThat(((Number) client.sentItem(id).get("sentCount")).intValue()).isEqualTo(expected.size());
    }

    @Test
    void subscribedAfterDateKeepsOnlyNewerFans() {
        simulator.close();
        simulator = OfAuthSimulator.start(SimulatorConfig.defaults().withFansPerConnection(200));
        client = new SimulatorClient(simulator);
        List<Map<String, Object>> active = client.allPages(DEMO, "/v2/access/subscribers?type=active", 20);
        Instant cutoff = simulator.clock().now().minus(Duration.ofDays(180));
        long newer = active.stream()
                .map(fan -> OffsetDateTime.parse((String) ((Map<?, ?>) fan.get("subscription")).get("subscribedAt"))
                        .toInstant())
                .filter(subscribedAt -> subscribedAt.isAfter(cutoff))
                .count();

        long id = client.create(aMessage()
                        .with("subscribedAfterDate", cutoff.toString())
                        .scheduledAt(simulator.clock().now().plusSeconds(10)))
                .number("id");
        simulator.clock().advance(Duration.ofSeconds(11));

        assertThat(((Number) client.sentItem(id).get("sentCount")).longValue())
                .isEqualTo(newer)
                .isLessThan(active.size());
    }

    @Test
    void aMessageSentByTheSimulatorIsReadableThroughGetAndAnalytics() {
        long id = client.create(aMessage().scheduledAt(simulator.clock().now().plusSeconds(5)))
                .number("id");
        simulator.clock().advance(Duration.ofSeconds(6));

        assertThat(client.get(DEMO, MASS_MESSAGES + "/" + id).status()).isEqualTo(200);
        assertThat(client.sentItem(id).get("rawText")).isEqualTo("New set is up 🔥");
    }

    private List<Long> sentIds() {
        return client.get(DEMO, "/v2/access/analytics/mass-messages/sent?limit=100").list("items").stream()
                .map(item -> ((Number) item.get("id")).longValue())
                .toList();
    }
}
