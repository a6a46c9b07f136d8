package io.masscast.app;

import io.masscast.adapter.shell.ShellAdapter;
import io.masscast.adapter.shell.ShellIo;
import io.masscast.config.DatabaseSettings;
import io.masscast.config.MasscastConfig;
import io.masscast.config.OfAuthMode;
import io.masscast.core.command.CommandRouter;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ConnectionInfo;
import io.masscast.core.model.Platform;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.SimulatorConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * masscast in a terminal. With OFAuth simulated it starts the simulator in-process, keeps the demo in a
 * temporary database (unless MASSCAST_DB_URL names one) and binds the channel to {@code conn_demo}, so
 * a newcomer can compose, approve and send at once.
 */
public final class ShellMode {
    static final ChannelRef CHANNEL = new ChannelRef(Platform.SHELL, "local", "demo");
    static final Actor ALICE = Actor.of("alice", "alice");
    static final String DEMO_CONNECTION = "conn_demo";
    private static final Set<String> DEMO_APPROVERS = Set.of("alice", "bob", "carol");

    private ShellMode() {}

    /**
     * Runs in the terminal: with JLine (editing, history, completion) when {@code interactive} (stdin and stdout
     * are a terminal), else reading {@code in} line by line as a pipe. {@code out} must encode UTF-8.
     */
    public static int run(MasscastConfig config, InputStream in, PrintStream out, boolean interactive) {
        boolean simulated = config.ofAuth().mode() == OfAuthMode.SIMULATOR;
        Optional<OfAuthSimulator> simulator = simulated
                ? Optional.of(OfAuthSimulator.start(SimulatorConfig.defaults().withPort(0)))
                : Optional.empty();
        try {
            return run(
                    config,
                    simulator,
                    Wiring.Intervals.defaults(),
                    router -> interactive ? ShellIo.systemTerminal(router) : ShellIo.piped(in, out));
        } finally {
            simulator.ifPresent(OfAuthSimulator::close);
        }
    }

    /** Runs against a given simulator (tests inspect what it received), on the terminal {@code io} opens. */
    static int run(
            MasscastConfig config,
            Optional<OfAuthSimulator> simulator,
            Wiring.Intervals intervals,
            Function<CommandRouter, ShellIo> io) {
        Optional<Path> demoDatabase =
                simulator.isPresent() && config.database().url().equals(DatabaseSettings.DEFAULT_URL)
                        ? Optional.of(temporaryDatabase())
                        : Optional.empty();
        MasscastConfig effective =
                demoDatabase.map(path -> withDatabase(config, path)).orElse(config);
        // SIGTERM or Ctrl-C: no finally below runs, so the hook stops the work, gives up the leases, deletes the demo
        // database. A stop at the end of the input takes the hook back.
        AtomicReference<Wiring> running = new AtomicReference<>();
        Thread hook = ShutdownHook.install("masscast", () -> {
            Optional.ofNullable(running.get()).ifPresent(ShellMode::stop);
            demoDatabase.ifPresent(ShellMode::delete);
        });
        try (Wiring wiring = Wiring.create(effective, simulator, Set.of(ALICE.userId()), Clock.systemUTC(), intervals);
                ShellIo terminal = io.apply(wiring.router())) {
            running.set(wiring);
            ShellAdapter shell = new ShellAdapter(wiring.router(), CHANNEL, ALICE, terminal, wiring::idle);
            Optional<Binding> binding = simulator.isPresent()
                    ? Optional.of(bindDemo(wiring))
                    : wiring.bindings().find(CHANNEL);
            shell.print(banner(effective, simulator, demoDatabase.isPresent(), binding));
            wiring.startJobs(Map.of(Platform.SHELL, shell.notifier()));
            return shell.run();
        } finally {
            ShutdownHook.remove(hook);
            demoDatabase.ifPresent(ShellMode::delete);
        }
    }

    /** As the server stops: the send in flight finishes or gives its campaign back, the last cards print, leases go. */
    private static void stop(Wiring wiring) {
        wiring.stopJobs(ServerMode.JOBS_GRACE);
        wiring.flushOutbox(ServerMode.OUTBOX_FLUSH);
        wiring.close();
    }

    private static Binding bindDemo(Wiring wiring) {
        return wiring.bindings().find(CHANNEL).orElseGet(() -> {
            String creator = wiring.ofauth().connections(Optional.empty(), 100, 0).items().stream()
                    .filter(c -> c.id().equals(DEMO_CONNECTION))
                    .map(ConnectionInfo::creatorName)
                    .findFirst()
                    .orElse(DEMO_CONNECTION);
            return wiring.bindings()
                    .bind(
                            ALICE,
                            new Binding(
                                    CHANNEL,
                                    DEMO_CONNECTION,
                                    creator,
                                    ZoneId.systemDefault(),
                                    DEMO_APPROVERS,
                                    BindingPolicy.defaults()));
        });
    }

    private static String banner(
            MasscastConfig config,
            Optional<OfAuthSimulator> simulator,
            boolean demoDatabase,
            Optional<Binding> binding) {
        StringBuilder out = new StringBuilder("masscast — terminal mode\n");
        out.append(simulator
                .map(sim -> "  OFAuth: SIMULATED. Nothing reaches OnlyFans. The simulator runs at " + sim.baseUrl()
                        + "\n          (what it received: " + sim.baseUrl() + "/_sim/requests)\n")
                .orElse("  " + config.ofAuth().describe() + "\n"));
        out.append(
                demoDatabase
                        ? "  database: a temporary SQLite file, gone when masscast exits (set MASSCAST_DB_URL to keep data)\n"
                        : "  " + config.database().describe() + "\n");
        out.append(binding.map(b -> "  channel #" + CHANNEL.channelId() + " speaks for " + b.creatorName() + " ("
                        + b.connectionId() + "), times in " + b.zone().getId() + "\n")
                .orElse("  channel #" + CHANNEL.channelId() + " is not bound: /masscast bind connection=conn_... "
                        + "zone=Area/City approvers=bob,carol\n"));
        out.append(
                "  users: alice (requester and admin; you start as alice), bob and carol (approvers); switch with /as bob\n");
        out.append(
                "         (alice may approve too, but never her own campaigns: the channel's policy forbids self-approval)\n");
        out.append(
                "  try:   /masscast new text=\"Hi there\" lists=fans   then   /as bob   and   /masscast approve MC-1");
        return out.toString();
    }

    private static MasscastConfig withDatabase(MasscastConfig config, Path file) {
        return config.withDatabase(new DatabaseSettings("jdbc:sqlite:" + file, Optional.empty(), Optional.empty()));
    }

    private static Path temporaryDatabase() {
        try {
            return Files.createTempFile("masscast-demo-", ".db");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary database for the demo", e);
        }
    }

    private static void delete(Path database) {
        for (String suffix : new String[] {"", "-wal", "-shm"}) {
            try {
                Files.deleteIfExists(Path.of(database + suffix));
            } catch (IOException e) {
                // a leftover temporary file is harmless
            }
        }
    }
}
