package io.masscast.app;

import io.masscast.adapter.common.ChatAdapter;
import io.masscast.adapter.common.ChatCore;
import io.masscast.adapter.discord.DiscordAdapter;
import io.masscast.adapter.slack.SlackAdapter;
import io.masscast.config.MasscastConfig;
import io.masscast.config.OfAuthMode;
import io.masscast.core.model.Platform;
import io.masscast.core.port.ChatNotifier;
import io.masscast.http.HttpServer;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.SimulatorConfig;
import java.io.PrintStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.function.BiFunction;
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
    interface Adapters extends BiFunction<MasscastConfig, ChatCore, List<ChatAdapter>> {
    }

    private final Optional<OfAuthSimulator> simulator;
    private final Wiring wiring;
    private final List<ChatAdapter> adapters;
    private final HttpServer http;

    private ServerMode(MasscastConfig config, Adapters chat) {
        simulator = config.ofAuth().mode() == OfAuthMode.SIMULATOR
                ? Optional.of(OfAuthSimulator.start(SimulatorConfig.defaults().withPort(0))) : Optional.empty();
        simulator.ifPresent(sim -> LOG.warn("OFAuth is SIMULATED at {}: nothing reaches OnlyFans", sim.baseUrl()));
        wiring = Wiring.create(config, simulator, Set.of(), Clock.systemUTC(), Wiring.Intervals.defaults());
        adapters = List.copyOf(chat.apply(config, wiring.chatCore()));
        http = new HttpServer(config.http().port(), wiring::readiness);
        adapters.forEach(adapter -> adapter.routes().forEach(http::post));
        http.post("/webhooks/ofauth", wiring.ofauthWebhook());
        http.get("/metrics", ctx -> ctx.contentType(MicrometerMetrics.CONTENT_TYPE).result(wiring.scrapeMetrics()));
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
        config.describe().forEach(line -> LOG.info("{}", line));
        ServerMode server = new ServerMode(config, chat);
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

    /** Runs until the process is stopped; returns the exit status. */
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "masscast-shutdown"));
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

    @Override
    public void close() {
        LOG.info("Stopping");
        adapters.forEach(ChatAdapter::stop);
        wiring.close();
        http.close();
        simulator.ifPresent(OfAuthSimulator::close);
    }
}
