package io.masscast.simulator;

import static io.masscast.simulator.MassMessageTestData.aMessage;
import static io.masscast.simulator.SimulatorClient.DEMO;
import static io.masscast.simulator.SimulatorClient.MASS_MESSAGES;
import static io.masscast.simulator.SimulatorClient.READ_ONLY;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AuthenticationTest {
    @AutoClose
    private final OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private final SimulatorClient client = new SimulatorClient(simulator);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v2/account/whoami",
                "/v2/account/connections",
                "/v2/access/self",
                "/v2/access/users/lists",
                "/v2/access/analytics/mass-messages/sent"
            })
    void aRequestWithoutTheApiKeyIsUnauthorized(String path) {
        SimResponse response = client.send(HttpRequest.newBuilder(java.net.URI.create(simulator.baseUrl() + path))
                .header("x-connection-id", DEMO));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(response.string("type")).isEqualTo("UNAUTHORIZED");
        assertThat(response.string("error")).isNotBlank();
        assertThat(response.string("requestId")).startsWith("req_");
        assertThat(response.object()).doesNotContainKey("actionRequired");
    }

    @Test
    void aWrongApiKeyIsUnauthorizedAndNeverEchoed() {
        SimResponse response = client.send(client.authorized(DEMO, MASS_MESSAGES)
                .setHeader("apiKey", "sk_live_not_the_key")
                .POST(HttpRequest.BodyPublishers.ofString(aMessage().json())));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.string("type")).isEqualTo("UNAUTHORIZED");
        assertThat(response.body()).doesNotContain("sk_live_not_the_key").doesNotContain(simulator.apiKey());
    }

    @Test
    void everyErrorCarriesAFreshRequestId() {
        String first = client.get(null, "/v2/access/self").string("requestId");
        String second = client.get(null, "/v2/access/self").string("requestId");

        assertThat(first).isNotEqualTo(second);
    }

    @ParameterizedTest
    @ValueSource(strings = {"apikey", "APIKEY", "ApiKey"})
    void theApiKeyHeaderNameIsCaseInsensitive(String headerName) {
        SimResponse response =
                client.send(HttpRequest.newBuilder(java.net.URI.create(simulator.baseUrl() + "/v2/account/whoami"))
                        .header(headerName, simulator.apiKey()));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.string("id")).isNotBlank();
    }

    @Test
    void anAccessCallWithoutAConnectionHeaderHasNoSession() {
        SimResponse response = client.get(null, "/v2/access/users/lists");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.string("type")).isEqualTo("SESSION_NOT_PROVIDED");
    }

    @Test
    void anAccessCallWithAnUnknownConnectionHasNoSession() {
        SimResponse response = client.get("conn_nobody", "/v2/access/users/lists");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.string("type")).isEqualTo("SESSION_NOT_PROVIDED");
    }

    @Test
    void anExpiredConnectionAsksForASessionRefreshUntilRestored() {
        simulator.expireConnection(DEMO);

        SimResponse expired = client.post(DEMO, MASS_MESSAGES, aMessage().json());
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.string("type")).isEqualTo("SESSION_EXPIRED");
        assertThat(expired.string("actionRequired")).isEqualTo("refresh_session");

        simulator.restoreConnection(DEMO);
        assertThat(client.post(DEMO, MASS_MESSAGES, aMessage().json()).status()).isEqualTo(200);
    }

    @Test
    void aConnectionWithoutMessagesWriteIsForbiddenToSendButMayRead() {
        SimResponse send = client.post(READ_ONLY, MASS_MESSAGES, aMessage().json());
        assertThat(send.status()).isEqualTo(403);
        assertThat(send.string("type")).isEqualTo("FORBIDDEN");
        assertThat(send.string("error")).contains("messages:write");

        assertThat(client.get(READ_ONLY, "/v2/access/users/lists").status()).isEqualTo(200);
    }

    @Test
    void accountRoutesIgnoreTheConnectionHeader() {
        simulator.expireConnection(DEMO);

        assertThat(client.get(DEMO, "/v2/account/whoami").status()).isEqualTo(200);
        assertThat(client.get("conn_nobody", "/v2/account/whoami").status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v2/access/nothing-here", "/v2/account/nothing", "/v1/access/mass-messages", "/"})
    void anUnknownRouteIsRouteNotFound(String path) {
        SimResponse response = client.get(DEMO, path);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.string("type")).isEqualTo("ROUTE_NOT_FOUND");
    }

    @Test
    void aKnownPathWithAnUnsupportedMethodIsRouteNotFound() {
        SimResponse response = client.send(client.authorized(DEMO, MASS_MESSAGES + "/1")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.string("type")).isEqualTo("ROUTE_NOT_FOUND");
    }

    @Test
    void sdkStyleErrorBodiesAlsoCarryMessageAndCode() {
        try (OfAuthSimulator sdkStyle = OfAuthSimulator.start(
                SimulatorConfig.defaults().withErrorBodyStyle(ErrorBodyStyle.OFAUTH_WITH_SDK_FIELDS))) {
            SimResponse response = new SimulatorClient(sdkStyle).get(null, "/v2/access/self");

            assertThat(response.string("type")).isEqualTo("SESSION_NOT_PROVIDED");
            assertThat(response.string("code")).isEqualTo("SESSION_NOT_PROVIDED");
            assertThat(response.string("message")).isEqualTo(response.string("error"));
        }
    }
}
