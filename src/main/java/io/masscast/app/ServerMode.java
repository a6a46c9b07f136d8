package io.masscast.app;

import io.masscast.adapter.common.ChatAdapter;
import io.masscast.adapter.common.ChatCore;
import io.masscast.adapter.discord.DiscordAdapter;
import io.masscast.adapter.slack.SlackAdapter;
import io.masscast.config.MasscastConfig;
import io.masscast.config.OfAuthMode;
import io.masscast.core.health.Readiness;
import io.masscast.core.model.Platform;
import io.masscast.core.port.ChatNotifier;
import io.masscast.http.HttpServer;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.SimulatorConfig;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * masscast with its chat platforms: the HTTP server ({@code /healthz}, {@code /readyz} and the routes the
 * adapters serve, such as {@code /slack/events}), every configured chat adapter (Slack, Discord, or both at
 * once, each delivering its own channels' cards) and the background jobs, until the process is stopped. With
 * {@code MASSCAST_OFAUTH=simulator} OFAuth is the in-process simulator.
 */
final class ServerMode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMode.class);

    /** Builds the chat adapters the configuration asks for, over the core. */
    interface Adapters extends BiFunction<MasscastConfig, ChatCore, List<ChatAdapter>> {}

    /** How long running jobs may take to finish as masscast stops (a send waits up to 30 s for the rate limit). */
    static final Duration JOBS_GRACE = Duration.ofSeconds(12);
    /** The outbox's last delivery as masscast stops. */
    static final Duration OUTBOX_FLUSH = Duration.ofSeconds(4);

    private final Optional<OfAuthSimulator> simulator;
    private final Wiring wiring;
    private final List<ChatAdapter> adapters;
    private final HttpServer http;
    private volatile boolean stopping;
    private boolean closed;

    private ServerMode(MasscastConfig config, Adapters chat, boolean wakeUps) {
        simulator = config.ofAuth().mode() == OfAuthMode.SIMULATOR
                ? Optional.of(OfAuthSimulator.start(SimulatorConfig.defaults().withPort(0)))
                : Optional.empty();
        simulator.ifPresent(sim -> LOG.warn("OFAuth is SIMULATED at {}: nothing reaches OnlyFans", sim.baseUrl()));
        wiring = Wiring.create(
                config,
                simulator,
                Set.of(),
                Clock.systemUTC(),
                Wiring.Intervals.defaults(),
                UnaryOperator.identity(),
                wakeUps);
        adapters = List.copyOf(chat.apply(config, wiring.chatCore()));
        http = new HttpServer(config.http().port(), this::readiness);
        adapters.forEach(adapter -> adapter.routes().forEach(http::post));
        http.post("/webhooks/ofauth", wiring.ofauthWebhook());
        http.get(
                "/metrics",
                ctx -> ctx.contentType(MicrometerMetrics.CONTENT_TYPE).result(wiring.scrapeMetrics()));
    }

    /** The adapters of the configured platforms. */
    static List<ChatAdapter> configured(MasscastConfig config, ChatCore core) {
        List<ChatAdapter> adapters = new ArrayList<>();
        config.slack().ifPresent(slack -> adapters.add(new SlackAdapter(slack, core)));
        config.discord().ifPresent(discord -> adapters.add(new DiscordAdapter(discord, core)));
        return adapters;
    }

    /** Starts everything; the caller stops it with {@link #close()}. */
    static ServerMode start(MasscastConfig config) {
        return start(config, ServerMode::configured);
    }

    /** Starts with the given adapters (tests stand in for a platform that can't be reached from here). */
    static ServerMode start(MasscastConfig config, Adapters chat) {
        return start(config, chat, true);
    }

    /** As above; without {@code wakeUps} the submitter and the outbox only poll (the benchmarks' baseline). */
    static ServerMode start(MasscastConfig config, Adapters chat, boolean wakeUps) {
        config.describe().forEach(line -> LOG.info("{}", line));
        ServerMode server = new ServerMode(config, chat, wakeUps);
        try {
            server.http.start();
            Map<Platform, ChatNotifier> notifiers = new EnumMap<>(Platform.class);
            for (ChatAdapter adapter : server.adapters) {
                adapter.start();
                notifiers.put(adapter.platform(), adapter.notifier());
            }
            server.wiring.startJobs(notifiers);
        } catch (RuntimeException e) {
            server.close();
            throw e;
        }
        LOG.info("masscast is running; stop it with SIGTERM or Ctrl-C");
        return server;
    }

    /** Runs until the process is stopped (SIGTERM, Ctrl-C); returns the exit status. */
    static int run(MasscastConfig config, PrintStream err) {
        ServerMode server;
        try {
            server = start(config);
        } catch (RuntimeException e) {
            LOG.error("masscast could not start ({})", e.getClass().getSimpleName());
            err.println("masscast could not start: " + e.getMessage());
            return 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        ShutdownHook.install("masscast", () -> {
            server.close();
            stopped.countDown();
        });
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    int httpPort() {
        return http.port();
    }

    /**
     * {@code /readyz}: the database, the OFAuth key and each chat platform; not ready at all once stopping, so a load
     * balancer sends nothing more here.
     */
    List<Readiness> readiness() {
        List<Readiness> parts = new ArrayList<>();
        if (stopping) {
            parts.add(Readiness.notReady("masscast", "stopping"));
        }
        parts.addAll(wiring.readiness());
        adapters.forEach(adapter -> parts.add(adapter.readiness()));
        return parts;
    }

    /**
     * The first step of a stop: readiness fails and every chat platform takes no new interaction (Slack's HTTP route
     * answers 503, Socket Mode disconnects, Discord tells people to try again), while cards can still be posted.
     */
    void stopAccepting() {
        stopping = true;
        adapters.forEach(ChatAdapter::stopAccepting);
    }

    /**
     * Stops within {@link ShutdownHook#HALT_AFTER}: no new interactions; the jobs finish what they are doing (a send in
     * flight finishes, one waiting for the rate limit gives its campaign back) and claim nothing more; the outbox gets a
     * last, short delivery; the chat platforms disconnect; every lease is given up; then the database and the HTTP
     * server close. Once.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Stopping: taking no new interactions, finishing the work in flight");
        stopAccepting();
        wiring.stopJobs(JOBS_GRACE);
        wiring.flushOutbox(OUTBOX_FLUSH);
        adapters.forEach(ChatAdapter::stop);
        wiring.close();
        http.close();
        simulator.ifPresent(OfAuthSimulator::close);
    }
}
