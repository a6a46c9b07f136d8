package io.masscast.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.masscast.config.DiscordSettings;
import io.masscast.config.Secret;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import net.dv8tion.jda.api.hooks.ListenerAdapter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Logging in for real, against a local stand-in for Discord's REST API (no Discord gateway is reachable from here):
 * a token Discord refuses stops start-up with a message that says what to do, and never shows the token.
 */
class DiscordLoginTest {
    private static final String TOKEN = "MTIzNDU2Nzg5MDEyMzQ1Njc4.Gabcde.not-a-real-bot-token-000000000000";

    private HttpServer discord;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        discord = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        discord.createContext("/", exchange -> {
            requests.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                            + exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{\"message\": \"401: Unauthorized\", \"code\": 0}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        discord.start();
    }

    @AfterEach
    void stop() {
        discord.stop(0);
    }

    @Test
    void aTokenDiscordRefusesStopsStartUpWithTheFix() {
        DiscordSettings settings = new DiscordSettings(
                Secret.of(TOKEN),
                OptionalLong.empty(),
                URI.create("http://127.0.0.1:" + discord.getAddress().getPort() + "/api/v10/"));

        assertThatThrownBy(() -> DiscordAdapter.login(settings, new ListenerAdapter() {}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Discord refused DISCORD_BOT_TOKEN")
                .hasMessageContaining("Reset Token")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
        assertThat(requests)
                .as("the token goes to Discord, in the Authorization header only")
                .containsExactly("GET /api/v10/gateway/bot Bot " + TOKEN);
    }
}
