package io.masscast.core.command;

import java.util.List;
import java.util.Objects;

/**
 * A {@code /masscast} subcommand as every adapter offers it: its name, how to type it on a command line, what it
 * does, and its arguments (for platforms with typed options, such as Discord's slash commands).
 */
public record CommandSpec(String name, String usage, String summary, List<CommandParam> params) {
    public CommandSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(usage, "usage");
        Objects.requireNonNull(summary, "summary");
        params = List.copyOf(params);
    }
}
