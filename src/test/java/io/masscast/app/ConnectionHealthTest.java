package io.masscast.app;

import static io.masscast.app.Pipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.command.ActionId;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.CampaignState;
import io.masscast.http.HttpServer;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.testing.MutableClock;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Connection health on the simulator: an expired session holds the creator's work, is announced once and
 * resumes once healthy; OFAuth's webhooks reach {@code POST /webhooks/ofauth} over HTTP, signed by the simulator,
 * and forged, stale or unsigned ones change nothing; a wrong API key stops start-up.
 */
class ConnectionHealthTest {
    private static final Actor BOB = Actor.of("bob", "Bob");
    private static final String SECRET =
            "whsec_" + Base64.getEncoder().encodeToString("masscast-test-webhook-key".getBytes(StandardCharsets.UTF_8));
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.now());

    private static String text(Reply reply) {
        return ((Reply.Text) reply).text();
    }

    @Test
    void anExpiredConnectionHoldsApprovalsIsAnnouncedOnceAndResumesOnceHealthy() {
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            pipeline.tick(); // the first probe finds the connection working
            pipeline.run(ALICE, "new text=\"Waits for approval\" lists=fans");
            pipeline.run(ALICE, "new text=\"Already approved\" lists=fans");
            pipeline.simulator.expireConnection("conn_demo"); // masscast does not know yet

            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(2));
            pipeline.tick(); // the send meets the expired session
            assertThat(pipeline.state(2))
                    .as("an approved send waits, it does not fail")
                    .isEqualTo(CampaignState.APPROVED);
            assertThat(pipeline.campaign(2).ofauthMessageId()).isEmpty();

            pipeline.tick(); // the probe OFAuth's answer asked for confirms it
            assertThat(pipeline.channel.messages())
                    .singleElement()
                    .asString()
                    .startsWith("Mila Rose's OnlyFans session has expired (OFAuth connection conn_demo;")
                    .contains("refuses new approvals", "holds approved sends", "OFAuth Link");

            String refusal = text(pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1)));
            assertThat(refusal)
                    .startsWith("Mila Rose's OnlyFans session has expired")
                    .contains("MC-1 stays pending");
            assertThat(pipeline.state(1)).isEqualTo(CampaignState.PENDING_APPROVAL);

            assertThat(pipeline.creates())
                    .as("the one attempt, which OFAuth refused with 401")
                    .hasSize(1);
            pipeline.simulator.clearRequests();
            for (int i = 0;
                    i < 3;
                    i++) { // probes keep finding it expired: nothing is said again, nothing sent or polled
                pipeline.advance(clock, Duration.ofMinutes(16));
                pipeline.tick();
            }
            assertThat(pipeline.channel.messages()).hasSize(1);
            assertThat(pipeline.simulator.requests())
                    .extracting(r -> r.path())
                    .as("on the connection (the API key's own" + " check, /v2/account/whoami, goes on)")
                    .filteredOn(path -> path.startsWith("/v2/access/"))
                    .containsOnly("/v2/access/self");
            assertThat(pipeline.state(2)).isEqualTo(CampaignState.APPROVED);

            pipeline.simulator.restoreConnection("conn_demo"); // the creator reconnected through OFAuth Link
            pipeline.advance(clock, Duration.ofMinutes(16));
            pipeline.tick();
            pipeline.tick();

            assertThat(pipeline.channel.messages())
                    .hasSize(2)
                    .last()
                    .asString()
                    .startsWith("Mila Rose's OnlyFans session works again");
            assertThat(pipeline.creates()).as("the held send went out once").hasSize(1);
            assertThat(pipeline.state(2)).isIn(CampaignState.SENDING, CampaignState.SENT);
            assertThat(text(pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1))))
                    .startsWith("You approved MC-1");
            pipeline.advance(clock, Duration.ofMinutes(16));
            pipeline.tick();
            assertThat(pipeline.channel.messages()).hasSize(2);
        }
    }

    @Test
    void webhooksFromTheSimulatorActAtOnceAndForgedOnesChangeNothing() throws Exception {
        OfAuthSimulator simulator = OfAuthSimulator.start(Pipeline.unlimitedSimulator());
        try (Pipeline pipeline = new Pipeline(folder, clock, simulator, Map.of("OFAUTH_WEBHOOK_SECRET", SECRET));
                HttpServer http = new HttpServer(0, pipeline.wiring::readiness)) {
            http.post("/webhooks/ofauth", pipeline.wiring.ofauthWebhook());
            http.start();
            String url = "http://127.0.0.1:" + http.port() + "/webhooks/ofauth";
            SimulatorMessages.control(
                    simulator,
                    "/_sim/webhooks",
                    "{\"url\": \"" + url + "\", \"secret\": \"" + SECRET + "\", \"scheme\": \"svix\"}");
            pipeline.tick();
            pipeline.run(ALICE, "new text=\"Hello\" lists=fans");

            assertThat(send(simulator, "\"forged\": true")).containsEntry("status", 401.0);
            assertThat(send(simulator, "\"ageSeconds\": 400")).containsEntry("status", 401.0);
            assertThat(post(
                                    url,
                                    "{\"eventType\":\"connection.expired\",\"data\":{\"connection\":{\"id\":\"conn_demo\"}}}",
                                    Map.of())
                            .statusCode())
                    .as("unsigned")
                    .isEqualTo(401);
            pipeline.tick();
            assertThat(pipeline.channel.messages()).as("nothing changed").isEmpty();

            assertThat(send(simulator, "\"forged\": false"))
                    .containsEntry("status", 200.0)
                    .containsEntry("body", "applied");

            assertThat(text(pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1))))
                    .as("acts at once, before any probe")
                    .startsWith("Mila Rose's OnlyFans session has expired");
            pipeline.tick();
            assertThat(pipeline.channel.messages())
                    .singleElement()
                    .asString()
                    .contains("OFAuth reported that the OnlyFans session expired");

            simulator.restoreConnection("conn_demo");
            Map<String, Object> restored =
                    SimulatorMessages.control(simulator, "/_sim/connections/conn_demo/restore", "{}");
            assertThat(restored).containsKey("webhook"); // connection.updated: masscast probes, then resumes
            pipeline.tick();
            assertThat(pipeline.channel.messages()).hasSize(2).last().asString().contains("works again");
        } finally {
            simulator.close();
        }
    }

    @Test
    void aRedeliveredEventIsIgnoredAndTheOfAuthSignatureSchemeIsAcceptedToo() throws Exception {
        String plainSecret = "ofauth-plain-secret";
        try (Pipeline pipeline = new Pipeline(
                        folder,
                        clock,
                        OfAuthSimulator.start(Pipeline.unlimitedSimulator()),
                        Map.of("OFAUTH_WEBHOOK_SECRET", plainSecret));
                HttpServer http = new HttpServer(0, pipeline.wiring::readiness)) {
            http.post("/webhooks/ofauth", pipeline.wiring.ofauthWebhook());
            http.start();
            pipeline.tick(); // the first probe: the connection works
            String url = "http://127.0.0.1:" + http.port() + "/webhooks/ofauth";
            String body = "{\"id\":\"evt_1\",\"eventType\":\"connection.expired\",\"live\":false,"
                    + "\"data\":{\"connection\":{\"id\":\"conn_demo\",\"status\":\"expired\"},\"clientReferenceId\":null}}";
            long t = Instant.now().getEpochSecond();
            Map<String, String> signed =
                    Map.of("OFAuth-Signature", "t=" + t + ",v1=" + hexHmac(plainSecret, t + "." + body));

            HttpResponse<String> first = post(url, body, signed);
            HttpResponse<String> again = post(url, body, signed);
            HttpResponse<String> tampered = post(url, body.replace("conn_demo", "conn_demo2"), signed);

            assertThat(first.statusCode()).isEqualTo(200);
            assertThat(first.body()).isEqualTo("applied");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).isEqualTo("duplicate");
            assertThat(tampered.statusCode()).isEqualTo(401);
            pipeline.tick();
            assertThat(pipeline.channel.messages()).hasSize(1);
            pipeline.simulator.close();
        }
    }

    @Test
    void aWrongApiKeyStopsStartUpWithAClearMessage() {
        try (OfAuthSimulator simulator = OfAuthSimulator.start(Pipeline.unlimitedSimulator())) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int status = Main.run(
                    new String[0],
                    Map.of(
                            "OFAUTH_API_KEY",
                            "sk_live_not_the_right_key",
                            "OFAUTH_BASE_URL",
                            simulator.baseUrl(),
                            "MASSCAST_DB_URL",
                            "jdbc:sqlite:" + folder.resolve("masscast.db")),
                    InputStream.nullInputStream(),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    false);

            assertThat(status).isEqualTo(2);
            assertThat(err.toString(StandardCharsets.UTF_8))
                    .startsWith("masscast cannot start: OFAuth refuses the API key in OFAUTH_API_KEY")
                    .contains("Copy the key again from the OFAuth dashboard")
                    .doesNotContain("sk_live_not_the_right_key");
        }
    }

    private static Map<String, Object> send(OfAuthSimulator simulator, String options) {
        return SimulatorMessages.control(
                simulator,
                "/_sim/webhooks/send",
                "{\"type\": \"connection.expired\", \"connectionId\": \"conn_demo\", " + options + "}");
    }

    private static HttpResponse<String> post(String url, String body, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String hexHmac(String key, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
