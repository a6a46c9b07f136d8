package io.masscast.simulator;

import static io.masscast.simulator.MassMessageTestData.aMessage;
import static io.masscast.simulator.SimulatorClient.DEMO;
import static io.masscast.simulator.SimulatorClient.MASS_MESSAGES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FaultInjectionTest {
    @AutoClose
    private final OfAuthSimulator simulator = OfAuthSimulator.start(SimulatorConfig.defaults());

    private final SimulatorClient client = new SimulatorClient(simulator);

    @Test
    void aStatusFaultPostedToTheControlApiAnswersOnceWithAnOfAuthErrorAndCreatesNothing() {
        SimResponse added = client.control(
                "POST",
                "/_sim/faults",
                "{\"method\":\"POST\",\"path\":\"/v2/access/mass-messages\",\"kind\":\"status\",\"status\":503,\"times\":1}");
        assertThat(added.status()).isEqualTo(201);

        SimResponse failed = client.create(aMessage());

        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.header("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
        assertThat(failed.string("type")).isEqualTo("NETWORK_ERROR");
        assertThat(failed.string("requestId")).startsWith("req_");
        assertThat(apiCreatedMessages()).isZero();
        assertThat(client.create(aMessage()).status()).isEqualTo(200);
        assertThat(simulator.requests())
                .filteredOn(request -> request.method().equals("POST"))
                .hasSize(2);
    }

    @ParameterizedTest
    @CsvSource({"500, UNKNOWN_ERROR", "502, PROXY_ERROR"})
    void statusFaultsCarryATypePerStatus(int status, String type) {
        simulator.faults().add(Fault.status("GET", "/v2/access/users/lists", status));

        SimResponse failed = client.get(DEMO, "/v2/access/users/lists");

        assertThat(failed.status()).isEqualTo(status);
        assertThat(failed.string("type")).isEqualTo(type);
    }

    @Test
    void aLatencyFaultDelaysTheAnswer() {
        simulator.faults().add(Fault.latency("GET", "/v2/account/whoami", Duration.ofMillis(300)));
        long started = System.nanoTime();

        SimResponse slow = client.get(null, "/v2/account/whoami");

        assertThat(slow.status()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aClientThatTimesOutOnASlowCreateStillLeavesACreatedMessage() {
        simulator.faults().add(Fault.latency("POST", MASS_MESSAGES, Duration.ofSeconds(2)));
        HttpRequest impatient = client.authorized(DEMO, MASS_MESSAGES)
                .timeout(Duration.ofMillis(200))
                .POST(HttpRequest.BodyPublishers.ofString(aMessage().json()))
                .build();

        assertThatThrownBy(() -> client.sendRaw(impatient)).isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(5)).until(() -> apiCreatedMessages() == 1);
    }

    @Test
    void dropAfterCreateCreatesTheMessageThenHangsUpWithoutAnAnswer() {
        simulator.faults().add(Fault.dropAfterCreate());
        HttpRequest post = client.authorized(DEMO, MASS_MESSAGES)
                .POST(HttpRequest.BodyPublishers.ofString(aMessage().json()))
                .build();

        assertThatThrownBy(() -> client.sendRaw(post)).isInstanceOf(IOException.class);
        assertThat(apiCreatedMessages()).isOne();
        assertThat(simulator.requests())
                .filteredOn(request -> request.method().equals("POST"))
                .hasSize(1);
        assertThat(client.create(aMessage()).status()).isEqualTo(200);
    }

    @Test
    void malformedJsonPerformsTheRequestAndAnswersABrokenBody() {
        client.control(
                "POST",
                "/_sim/faults",
                "{\"method\":\"POST\",\"path\":\"/v2/access/mass-messages\",\"kind\":\"malformed_json\"}");

        SimResponse broken = client.create(aMessage());

        assertThat(broken.status()).isEqualTo(200);
        assertThat(broken.body()).startsWith("{");
        assertThatThrownBy(broken::json).isInstanceOf(RuntimeException.class);
        assertThat(apiCreatedMessages()).isOne();
    }

    @Test
    void aNonJsonErrorLooksLikeAProxyPage() {
        client.control("POST", "/_sim/faults", "{\"path\":\"/v2/access/users/lists\",\"kind\":\"non_json_error\"}");

        SimResponse page = client.get(DEMO, "/v2/access/users/lists");

        assertThat(page.status()).isEqualTo(502);
        assertThat(page.header("Content-Type")).hasValue("text/html");
        assertThat(page.body()).contains("502 Bad Gateway");
    }

    @Test
    void aRateLimitStormRefusesTheNextAccessCallsWithoutSpendingTokens() {
        client.control("POST", "/_sim/faults", "{\"kind\":\"rate_limit_storm\",\"times\":3}");

        for (int i = 0; i < 3; i++) {
            assertThat(client.get(null, "/v2/account/whoami").status()).isEqualTo(200);
            SimResponse refused = client.get(DEMO, "/v2/access/self");
            assertThat(refused.status()).isEqualTo(429);
            assertThat(refused.string("type")).isEqualTo("RATE_LIMIT_EXCEEDED");
            assertThat(refused.headerNumber("X-RateLimit-Remaining")).isZero();
            assertThat(refused.header("Retry-After")).isPresent();
        }
        SimResponse after = client.get(DEMO, "/v2/access/self");
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.headerNumber("X-RateLimit-Remaining")).isEqualTo(89);
    }

    @Test
    void aPathEndingInAStarMatchesAPrefix() {
        simulator.faults().add(Fault.status(null, "/v2/access/analytics/*", 500).withTimes(2));

        assertThat(client.get(DEMO, "/v2/access/analytics/mass-messages/sent").status())
                .isEqualTo(500);
        assertThat(client.get(DEMO, "/v2/access/users/lists").status()).isEqualTo(200);
        assertThat(client.get(DEMO, "/v2/access/analytics/mass-messages/chart").status())
                .isEqualTo(500);
        assertThat(client.get(DEMO, "/v2/access/analytics/mass-messages/chart").status())
                .isEqualTo(200);
    }

    @Test
    void faultsCanBeListedAndCleared() {
        simulator.faults().add(Fault.status("GET", "/v2/access/self", 503).withTimes(3));
        client.get(DEMO, "/v2/access/self");

        assertThat(client.control("GET", "/_sim/faults", null).number(0, "times"))
                .isEqualTo(2);
        assertThat(simulator.faults().active())
                .singleElement()
                .extracting(Fault::times)
                .isEqualTo(2);

        assertThat(client.control("DELETE", "/_sim/faults", null).status()).isEqualTo(204);
        assertThat(client.get(DEMO, "/v2/access/self").status()).isEqualTo(200);
        simulator.faults().add(Fault.status("GET", "/v2/access/self", 503));
        simulator.faults().clear();
        assertThat(client.get(DEMO, "/v2/access/self").status()).isEqualTo(200);
    }

    @Test
    void anInvalidFaultIsRefusedByTheControlApi() {
        assertThat(client.control("POST", "/_sim/faults", "{\"kind\":\"gremlins\"}")
                        .status())
                .isEqualTo(400);
        assertThat(client.control("POST", "/_sim/faults", "{\"kind\":\"status\",\"status\":200}")
                        .status())
                .isEqualTo(400);
        assertThat(client.control("POST", "/_sim/faults", "{\"kind\":\"latency\"}")
                        .status())
                .isEqualTo(400);
        assertThat(client.control("POST", "/_sim/faults", "not json").status()).isEqualTo(400);
    }

    private long apiCreatedMessages() {
        return client.control("GET", "/_sim/messages", null).list().stream()
                .filter(message -> !(Boolean) message.get("seeded"))
                .count();
    }
}
