package io.masscast.simulator;

import static io.masscast.simulator.SimulatorClient.DEMO;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class AudienceTest {
    @AutoClose
    private final OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private final SimulatorClient client = new SimulatorClient(simulator);

    @Test
    void subscriberCountsMatchTheFanPopulationAndLists() {
        SimResponse counts = client.get(DEMO, "/v2/access/subscriptions/count");

        long active = counts.number("subscribers", "active");
        assertThat(active + counts.number("subscribers", "expired")).isEqualTo(counts.number("subscribers", "all"));
        assertThat(counts.number("subscribers", "all")).isEqualTo(2_500);
        assertThat(active)
                .isEqualTo(client.get(DEMO, "/v2/access/users/lists/fans").number("usersCount"));
        assertThat(counts.number("subscribers", "expired"))
                .isEqualTo(client.get(DEMO, "/v2/access/users/lists/expired").number("usersCount"));
        assertThat(counts.object("subscriptions")).containsKeys("active", "all");
        assertThat(counts.object()).containsKey("bookmarks");
    }

    @Test
    void subscribersComeInPagesOfAtMostTwenty() {
        SimResponse page = client.get(DEMO, "/v2/access/subscribers?limit=100");

        assertThat(page.list("list")).hasSize(20);
        assertThat(page.bool("hasMore")).isTrue();
        assertThat(page.object("list", 0)).containsKeys("id", "username", "name", "subscription");
        assertThat(page.object("list", 0, "subscription"))
                .containsKeys("isActive", "isExpired", "subscribedAt", "expiresAt");
    }

    @Test
    void subscribersFilterByType() {
        List<Map<String, Object>> expired = client.allPages(DEMO, "/v2/access/subscribers?type=expired", 20);

        assertThat(expired).hasSize((int)
                client.get(DEMO, "/v2/access/subscriptions/count").number("subscribers", "expired"));
        assertThat(expired)
                .allSatisfy(fan -> assertThat(((Map<?, ?>) fan.get("subscription")).get("isActive"))
                        .isEqualTo(false));
        assertThat(client.get(DEMO, "/v2/access/subscribers?type=vip").status()).isEqualTo(400);
    }
}
