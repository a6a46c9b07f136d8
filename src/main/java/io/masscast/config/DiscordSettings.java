package io.masscast.config;

import java.net.URI;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the Discord adapter needs.
 *
 * @param guildId the one server to register commands on (instant), or empty to register them globally
 * @param apiUrl  Discord's REST base (a proxy, tests); always ends with {@code /}
 */
public record DiscordSettings(Secret botToken, OptionalLong guildId, URI apiUrl) {

    public static final URI DEFAULT_API_URL = URI.create("https://discord.com/api/v10/");

    public DiscordSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(guildId, "guildId");
        if (guildId.isPresent() && guildId.getAsLong() <= 0) {
            throw new IllegalArgumentException("a Discord guild id is a positive number");
        }
        apiUrl = Urls.requireHttpBase(Objects.requireNonNull(apiUrl, "apiUrl"), "Discord API URL");
    }

    public DiscordSettings(Secret botToken, OptionalLong guildId) {
        this(botToken, guildId, DEFAULT_API_URL);
    }

    public String describe() {
        return "Discord: "
                + (guildId.isPresent()
                        ? "commands registered on guild " + guildId.getAsLong()
                        : "commands registered globally")
                + (apiUrl.equals(DEFAULT_API_URL) ? "" : ", REST API at " + apiUrl);
    }
}
