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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server mode as an operator starts it: Slack HTTP mode on the simulator, with health and readiness. */
class ServerModeTest {
    @TempDir
    Path folder;

    @Test
    @SuppressWarnings("try") // the server only needs to run
    void startsSlackInHttpModeServesHealthAndRefusesUnsignedSlackRequests() throws Exception {
        List<String> slackCalls = new CopyOnWriteArrayList<>();
        HttpServer slackApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slackApi.createContext("/api/", exchange -> {
            slackCalls.add(exchange.getRequestURI().getPath());
            byte[] body = ("{\"ok\":true,\"team_id\":\"T0TEST\",\"user_id\":\"UMASSCAST\",\"bot_id\":\"BMASSCAST\"}")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        slackApi.start();
        int port = freePort();
        Map<String, String> env = Map.of(
                "SLACK_BOT_TOKEN", "xoxb-test-bot",
                "SLACK_SIGNING_SECRET", "test-signing-secret",
                "MASSCAST_SLACK_API_URL", "http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/",
                "MASSCAST_OFAUTH", "simulator",
                "MASSCAST_DB_URL", "jdbc:sqlite:" + folder.resolve("masscast.db"),
                "MASSCAST_HTTP_PORT", Integer.toString(port));
        HttpClient client = HttpClient.newHttpClient();
        try (ServerMode server = ServerMode.start(ConfigLoader.load(env))) {
            assertThat(get(client, port, "/healthz")).isEqualTo("200 ok");
            assertThat(get(client, port, "/readyz")).isEqualTo("200 ready");
            HttpResponse<String> unsigned = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                            + "/slack/events")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("command=%2Fmasscast&text=help")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unsigned.statusCode()).isEqualTo(401);
            HttpResponse<String> webhook = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/webhooks/ofauth")).POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(webhook.statusCode()).as("mounted, and refused without OFAUTH_WEBHOOK_SECRET").isEqualTo(401);
            assertThat(slackCalls).contains("/api/auth.test");
        } finally {
            slackApi.stop(0);
        }
    }

    private static String get(HttpClient client, int port, String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
