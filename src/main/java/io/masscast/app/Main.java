package io.masscast.app;

import io.masscast.adapter.discord.DiscordAdapter;
import io.masscast.config.Adapter;
import io.masscast.config.ConfigException;
import io.masscast.config.ConfigLoader;
import io.masscast.config.MasscastConfig;
import io.masscast.simulator.SimulatorCommand;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code java -jar masscast.jar [--shell]} runs masscast: the terminal adapter when no platform token is
 * set (or with {@code --shell}), else the configured chat adapters. {@code masscast simulator} runs only
 * the OFAuth simulator; {@code masscast discord-commands} prints the Discord command masscast registers.
 */
public final class Main {
    static final String USAGE = """
            Usage:
              java -jar masscast.jar            run masscast (terminal mode when no SLACK_BOT_TOKEN/DISCORD_BOT_TOKEN is set)
              java -jar masscast.jar --shell    run the terminal mode even when platform tokens are set
              java -jar masscast.jar simulator [--port N] [--seed N]
                                                run only the OFAuth simulator
              java -jar masscast.jar copy-db --to jdbc:postgresql://HOST:5432/DB [--to-user NAME] [--to-password-file FILE]
                                                copy the SQLite database MASSCAST_DB_URL names into an empty PostgreSQL one
              java -jar masscast.jar discord-commands
                                                print the JSON of the /masscast command registered on Discord
            Configuration comes from environment variables; see README.md.""";

    private Main() {}

    public static void main(String[] args) {
        // the digest's chart is drawn without a display; set before anything touches AWT
        System.setProperty("java.awt.headless", "true");
        // UTF-8 whatever the locale says (under LANG=C the JVM's own streams would print every non-ASCII character as
        // ?)
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        // Java 17 (our runtime): console() is null unless stdin and stdout are a terminal
        @SuppressWarnings("SystemConsoleNull")
        boolean interactive = System.console() != null;
        System.exit(run(args, System.getenv(), System.in, out, err, interactive));
    }

    /** logback.xml picks its appender by this property: set before anything logs. */
    private static void chooseLogFormat(MasscastConfig config) {
        if (System.getProperty("masscast.log.format") == null) {
            System.setProperty("masscast.log.format", config.logFormat().id());
        }
    }

    /**
     * For a command run in a terminal (the terminal mode, copy-db): what it prints is the user interface, so only
     * warnings are logged, unless the level was chosen on the command line (-Dmasscast.log.level=INFO, with stderr
     * redirected). Set before anything logs.
     */
    static void chooseLogging(MasscastConfig config) {
        chooseLogFormat(config);
        if (System.getProperty("masscast.log.level") == null) {
            System.setProperty("masscast.log.level", "WARN");
        }
    }

    /** {@code interactive}: stdin and stdout are a terminal, so the terminal mode uses line editing. */
    static int run(
            String[] args,
            Map<String, String> env,
            InputStream in,
            PrintStream out,
            PrintStream err,
            boolean interactive) {
        List<String> arguments = Arrays.asList(args);
        if (!arguments.isEmpty() && arguments.get(0).equals("simulator")) {
            return SimulatorCommand.run(Arrays.copyOfRange(args, 1, args.length), out);
        }
        if (!arguments.isEmpty() && arguments.get(0).equals(CopyDbCommand.NAME)) {
            return CopyDbCommand.run(arguments.subList(1, arguments.size()), env, out, err);
        }
        if (arguments.equals(List.of("discord-commands"))) {
            out.println(DiscordAdapter.commandsJson());
            return 0;
        }
        if (arguments.contains("--help") || arguments.contains("-h")) {
            out.println(USAGE);
            return 0;
        }
        boolean forceShell = arguments.contains("--shell");
        List<String> unknown =
                arguments.stream().filter(a -> !a.equals("--shell")).toList();
        if (!unknown.isEmpty()) {
            err.println("Unknown argument(s): " + String.join(" ", unknown) + "\n" + USAGE);
            return 2;
        }
        MasscastConfig config;
        try {
            config = ConfigLoader.load(env);
        } catch (ConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        try {
            if (forceShell || config.adapters().contains(Adapter.SHELL)) {
                chooseLogging(config);
                return ShellMode.run(config, in, out, interactive);
            }
            chooseLogFormat(config);
            return ServerMode.run(config, err);
        } catch (StartupFailure e) {
            err.println(e.getMessage());
            return 2;
        }
    }
}
