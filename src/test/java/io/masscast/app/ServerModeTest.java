package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.masscast.config.ConfigLoader;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server mode as an operator starts it: Slack HTTP mode on the simulator, with health, readiness that says which
 * part is ready, metrics, and a stop that takes no new Slack request.
 */
class ServerModeTest {
    @TempDir
    Path folder;

    private final List<String> slackCalls = new CopyOnWriteArrayList<>();
    private final HttpClient client = HttpClient.newHttpClient();
    private HttpServer slackApi;
    private int port;

    @BeforeEach
    void fakeSlack() throws IOException {
        slackApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slackApi.createContext("/api/", exchange -> {
            slackCalls.add(exchange.getRequestURI().getPath());
            byte[] body = ("{\"ok\":true,\"team_id\":\"T0TEST\",\"user_id\":\"UMASSCAST\",\"bot_id\":\"BMASSCAST\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slackApi.start();
        port = freePort();
    }

    @AfterEach
    void stopFakeSlack() {
        slackApi.stop(0);
    }

    private ServerMode start() {
        return ServerMode.start(ConfigLoader.load(Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-test-bot",
                "SLACK_SIGNING_SECRET",
                "test-signing-secret",
                "MASSCAST_SLACK_API_URL",
                "http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/",
                "MASSCAST_OFAUTH",
                "simulator",
                "MASSCAST_DB_URL",
                "jdbc:sqlite:" + folder.resolve("masscast.db"),
                "MASSCAST_HTTP_PORT",
                Integer.toString(port))));
    }

    @Test
    @SuppressWarnings("try") // the server only needs to run
    void startsSlackInHttpModeServesHealthAndRefusesUnsignedSlackRequests() throws Exception {
        try (ServerMode server = start()) {
            assertThat(get("/healthz").body()).isEqualTo("ok");
            HttpResponse<String> ready = get("/readyz");
            assertThat(ready.statusCode()).isEqualTo(200);
            assertThat(ready.body().lines().toList())
                    .satisfiesExactly(
                            line -> assertThat(line).isEqualTo("ready"),
                            line -> assertThat(line).isEqualTo("database: ready (answers)"),
                            line -> assertThat(line)
                                    .matches("ofauth: ready \\(API key accepted \\(organisation org_sim_demo\\), "
                                            + "answered \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)"),
                            line -> assertThat(line).isEqualTo("slack: ready (HTTP mode, POST /slack/events)"));
            assertThat(postSlack().statusCode()).isEqualTo(401);
            HttpResponse<String> webhook = client.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/webhooks/ofauth"))
                            .POST(HttpRequest.BodyPublishers.ofString("{}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(webhook.statusCode())
                    .as("mounted, and refused without OFAUTH_WEBHOOK_SECRET")
                    .isEqualTo(401);
            assertThat(slackCalls).contains("/api/auth.test");
        }
    }

    @Test
    @SuppressWarnings("try") // the server only needs to run
    void servesItsMetricsInPrometheusTextFormat() throws Exception {
        try (ServerMode server = start()) {
            HttpResponse<String> metrics = get("/metrics");

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.headers().firstValue("Content-Type")).hasValue(MicrometerMetrics.CONTENT_TYPE);
            assertThat(metrics.body())
                    .contains(
                            "# TYPE masscast_campaigns gauge",
                            "masscast_database_up 1.0",
                            "masscast_ofauth_requests_seconds_count{endpoint=\"GET /v2/account/whoami\",status=\"200\"} 1",
                            "# TYPE jvm_memory_used_bytes gauge");
        }
    }

    @Test
    void onceStoppingItIsNotReadyAndSlackIsToldToTryAgain() throws Exception {
        try (ServerMode server = start()) {
            server.stopAccepting();

            HttpResponse<String> ready = get("/readyz");
            HttpResponse<String> slack = postSlack();

            assertThat(ready.statusCode()).isEqualTo(503);
            assertThat(ready.body().lines()).first().isEqualTo("not ready: masscast, slack");
            assertThat(ready.body())
                    .contains(
                            "masscast: NOT READY (stopping)\n",
                            "slack: NOT READY (stopping)\n",
                            "database: ready (answers)\n");
            assertThat(slack.statusCode()).isEqualTo(503);
            assertThat(slack.body())
                    .isEqualTo("masscast is not taking Slack requests now (it is starting or stopping); try again");
            assertThat(get("/healthz").statusCode()).as("alive until it exits").isEqualTo(200);
        }
    }

    private HttpResponse<String> postSlack() throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("command=%2Fmasscast&text=help"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
