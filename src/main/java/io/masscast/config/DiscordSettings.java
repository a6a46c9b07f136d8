package io.masscast.config;

import java.util.Objects;
import java.util.OptionalLong;

/**
 * What the Discord adapter needs.
 *
 * @param guildId the one server to register commands on (instant), or empty to register them globally
 */
public record DiscordSettings(Secret botToken, OptionalLong guildId) {

    public DiscordSettings {
        Objects.requireNonNull(botToken, "botToken");
        Objects.requireNonNull(guildId, "guildId");
        if (guildId.isPresent() && guildId.getAsLong() <= 0) {
            throw new IllegalArgumentException("a Discord guild id is a positive number");
        }
    }

    public String describe() {
        return "Discord: " + (guildId.isPresent()
                ? "commands registered on guild " + guildId.getAsLong()
                : "commands registered globally");
    }
}
