package io.masscast.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The whole configuration. Only {@code app} holds it; every component is handed its own part.
 * Slack and Discord are present when their bot token is set; the shell adapter runs when neither is.
 */
public record MasscastConfig(
        Optional<SlackSettings> slack,
        Optional<DiscordSettings> discord,
        OfAuthSettings ofAuth,
        DatabaseSettings database,
        HttpSettings http,
        AccessSettings access,
        LeaseSettings leases,
        StatsSettings stats,
        LogFormat logFormat) {

    public MasscastConfig {
        Objects.requireNonNull(slack, "slack");
        Objects.requireNonNull(discord, "discord");
        Objects.requireNonNull(ofAuth, "ofAuth");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(http, "http");
        Objects.requireNonNull(access, "access");
        Objects.requireNonNull(leases, "leases");
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(logFormat, "logFormat");
    }

    public MasscastConfig withDatabase(DatabaseSettings newDatabase) {
        return new MasscastConfig(slack, discord, ofAuth, newDatabase, http, access, leases, stats, logFormat);
    }

    /** The chat adapters to start: Slack and/or Discord, or the shell when neither is configured. */
    public Set<Adapter> adapters() {
        Set<Adapter> adapters = EnumSet.noneOf(Adapter.class);
        slack.ifPresent(settings -> adapters.add(Adapter.SLACK));
        discord.ifPresent(settings -> adapters.add(Adapter.DISCORD));
        if (adapters.isEmpty()) {
            adapters.add(Adapter.SHELL);
        }
        return Collections.unmodifiableSet(adapters);
    }

    /** One line per component, free of secrets, for the start-up log. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("adapters: " + adapters().stream().map(Adapter::label).collect(Collectors.joining(", "))
                + (adapters().contains(Adapter.SHELL) ? " (no SLACK_BOT_TOKEN or DISCORD_BOT_TOKEN set)" : ""));
        slack.ifPresent(settings -> lines.add(settings.describe()));
        discord.ifPresent(settings -> lines.add(settings.describe()));
        lines.add(ofAuth.describe());
        lines.add(database.describe());
        lines.add(http.describe());
        lines.add(access.describe());
        lines.add(leases.describe());
        lines.add(stats.describe());
        lines.add(logFormat.describe());
        return List.copyOf(lines);
    }
}
