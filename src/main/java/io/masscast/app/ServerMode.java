package io.masscast.app;

import io.masscast.adapter.slack.SlackAdapter;
import io.masscast.config.MasscastConfig;
import io.masscast.config.OfAuthMode;
import io.masscast.core.model.Platform;
import io.masscast.http.HttpServer;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.SimulatorConfig;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * masscast with chat platform adapters: the HTTP server ({@code /healthz}, {@code /readyz}, and
 * {@code /slack/events} in Slack's HTTP mode), the Slack adapter and the background jobs, until the process
 * is stopped. With {@code MASSCAST_OFAUTH=simulator} OFAuth is the in-process simulator.
 */
final class ServerMode implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ServerMode.class);

    private final Optional<OfAuthSimulator> simulator;
    private final Wiring wiring;
    private final SlackAdapter slack;
    private final HttpServer http;

    private ServerMode(MasscastConfig config) {
        simulator = config.ofAuth().mode() == OfAuthMode.SIMULATOR
                ? Optional.of(OfAuthSimulator.start(SimulatorConfig.defaults().withPort(0))) : Optional.empty();
        simulator.ifPresent(sim -> LOG.warn("OFAuth is SIMULATED at {}: nothing reaches OnlyFans", sim.baseUrl()));
        wiring = Wiring.create(config, simulator, Set.of(), Clock.systemUTC(), Wiring.Intervals.defaults());
        slack = new SlackAdapter(config.slack().orElseThrow(), wiring.router(), wiring.formOptions());
        http = new HttpServer(config.http().port(), wiring::readiness);
        slack.httpHandler().ifPresent(handler -> http.post("/slack/events", handler));
        http.post("/webhooks/ofauth", wiring.ofauthWebhook());
        http.get("/metrics", ctx -> ctx.contentType(MicrometerMetrics.CONTENT_TYPE).result(wiring.scrapeMetrics()));
    }

    /** Starts everything; the caller stops it with {@link #close()}. */
    static ServerMode start(MasscastConfig config) {
        config.describe().forEach(line -> LOG.info("{}", line));
        ServerMode server = new ServerMode(config);
        server.http.start();
        server.slack.start();
        server.wiring.startJobs(Map.of(Platform.SLACK, server.slack.notifier()));
        LOG.info("masscast is running; stop it with SIGTERM or Ctrl-C");
        return server;
    }

    /** Runs until the process is stopped; returns the exit status. */
    static int run(MasscastConfig config, PrintStream err) {
        if (config.discord().isPresent()) {
            err.println("DISCORD_BOT_TOKEN is set, but the Discord adapter is not part of this version yet."
                    + (config.slack().isPresent() ? " Starting Slack only." : " Unset it, or use Slack or --shell."));
            if (config.slack().isEmpty()) {
                return 2;
            }
        }
        ServerMode server = start(config);
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
        slack.stop();
        wiring.close();
        http.close();
        simulator.ifPresent(OfAuthSimulator::close);
    }
}
