package io.masscast.config;

import static io.masscast.config.ConfigTestSupport.load;
import static io.masscast.config.ConfigTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class DiscordConfigTest {

    @Test
    void discordTalksToDiscordUnlessAnotherApiUrlIsGiven() {
        assertThat(load("DISCORD_BOT_TOKEN", "MTIz.abc.def", "MASSCAST_OFAUTH", "simulator")
                        .discord()
                        .orElseThrow()
                        .apiUrl())
                .isEqualTo(DiscordSettings.DEFAULT_API_URL);
        DiscordSettings proxied = load(
                        "DISCORD_BOT_TOKEN",
                        "MTIz.abc.def",
                        "MASSCAST_OFAUTH",
                        "simulator",
                        "MASSCAST_DISCORD_API_URL",
                        "http://127.0.0.1:8089/api/v10")
                .discord()
                .orElseThrow();

        assertThat(proxied.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:8089/api/v10/"));
        assertThat(proxied.describe()).contains("REST API at http://127.0.0.1:8089/api/v10/");
    }

    @Test
    void anApiUrlWithoutABotTokenIsAMistake() {
        assertThat(problems("MASSCAST_DISCORD_API_URL", "http://127.0.0.1:8089/api/v10/"))
                .containsExactly(
                        "MASSCAST_DISCORD_API_URL is set but DISCORD_BOT_TOKEN is not: set DISCORD_BOT_TOKEN (Developer Portal → your"
                                + " application → Bot → Reset Token) to enable Discord, or unset MASSCAST_DISCORD_API_URL.");
    }
}
