package io.masscast.simulator;

import static io.masscast.simulator.SimulatorClient.DEMO;
import static io.masscast.simulator.SimulatorClient.DEMO2;
import static io.masscast.simulator.SimulatorClient.READ_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

class AccountTest {
    private static final String CONNECTIONS = "/v2/account/connections";

    @AutoClose
    private final OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private final SimulatorClient client = new SimulatorClient(simulator);

    @Test
    void whoamiNeedsOnlyTheApiKey() {
        SimResponse whoami = client.get(null, "/v2/account/whoami");

        assertThat(whoami.status()).isEqualTo(200);
        assertThat(whoami.string("id")).isNotBlank();
        assertThat(whoami.object()).containsKeys("name", "permissions");
    }

    @Test
    void connectionsListTheSeededCreators() {
        SimResponse connections = client.get(null, CONNECTIONS);

        assertThat(simulator.connectionIds()).containsExactly(DEMO, DEMO2, READ_ONLY);
        assertThat(connections.list("list"))
                .extracting(connection -> connection.get("id"))
                .containsExactly(DEMO, DEMO2, READ_ONLY);
        assertThat(connections.list("list"))
                .allSatisfy(connection -> assertThat(connection).containsEntry("status", "active"));
        assertThat(connections.object("list", 0, "userData"))
                .containsEntry("name", "Mila Rose")
                .containsEntry("username", "milarose");
        assertThat(connections.strings("list", 0, "permissions")).contains("messages:write", "analytics:read");
        assertThat(connections.strings("list", 2, "permissions"))
                .contains("messages:read")
                .doesNotContain("messages:write");
    }

    @Test
    void extraConnectionsFollowTheSeededOnesWithEveryPermissionAndAWorldOfTheirOwn() {
        try (OfAuthSimulator larger =
                OfAuthSimulator.start(SimulatorConfig.defaults().withExtraConnections(2))) {
            SimulatorClient largerClient = new SimulatorClient(larger);

            assertThat(larger.connectionIds()).containsExactly(DEMO, DEMO2, READ_ONLY, "conn_demo3", "conn_demo4");
            SimResponse connections = largerClient.get(null, CONNECTIONS);
            assertThat(connections.object("list", 4, "userData"))
                    .containsEntry("name", "Demo Creator 4")
                    .containsEntry("username", "democreator4");
            assertThat(connections.strings("list", 4, "permissions")).contains("messages:write", "analytics:read");
            assertThat(largerClient.get("conn_demo4", "/v2/access/self").bool("isAuth"))
                    .isTrue();
            assertThat(larger.creatorLabel(DEMO))
                    .as("the seeded ones are unchanged")
                    .isEqualTo(simulator.creatorLabel(DEMO));
        }
    }

    @Test
    void connectionsPageAndFilterByStatus() {
        SimResponse firstPage = client.get(null, CONNECTIONS + "?limit=2");
        assertThat(firstPage.list("list")).hasSize(2);
        assertThat(firstPage.bool("hasMore")).isTrue();
        assertThat(client.get(null, CONNECTIONS + "?limit=2&offset=2").list("list"))
                .hasSize(1);
        assertThat(client.get(null, CONNECTIONS + "?status=sleeping").status()).isEqualTo(400);
    }

    @Test
    void expiringAndRestoringShowsInConnectionsAndSelf() {
        assertThat(client.get(DEMO2, "/v2/access/self").bool("isAuth")).isTrue();

        SimResponse expired = client.control("POST", "/_sim/connections/" + DEMO2 + "/expire", null);

        assertThat(expired.string("status")).isEqualTo("expired");
        assertThat(client.get(null, CONNECTIONS + "?status=expired").list("list"))
                .singleElement()
                .satisfies(connection -> {
                    assertThat(connection).containsEntry("id", DEMO2);
                    assertThat(connection.get("expiredAt")).isNotNull();
                });
        SimResponse self = client.get(DEMO2, "/v2/access/self");
        assertThat(self.status()).isEqualTo(401);
        assertThat(self.string("type")).isEqualTo("SESSION_EXPIRED");

        client.control("POST", "/_sim/connections/" + DEMO2 + "/restore", null);

        assertThat(client.get(null, CONNECTIONS + "?status=expired").list("list"))
                .isEmpty();
        assertThat(client.get(DEMO2, "/v2/access/self").bool("isAuth")).isTrue();
    }

    @Test
    void selfDescribesTheCreator() {
        SimResponse self = client.get(DEMO, "/v2/access/self");

        assertThat(self.string("name")).isEqualTo("Mila Rose");
        assertThat(self.string("username")).isEqualTo("milarose");
        assertThat(self.number("subscribersCount")).isPositive();
    }

    @Test
    void anUnknownConnectionCannotBeExpired() {
        assertThat(client.control("POST", "/_sim/connections/conn_nobody/expire", null)
                        .status())
                .isEqualTo(404);
    }
}
