package io.masscast.app;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.masscast.config.ConfigLoader;
import io.masscast.config.MasscastConfig;
import io.masscast.core.command.ActionId;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Binding;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import io.masscast.jobs.Job;
import io.masscast.jobs.JobRuntime;
import io.masscast.ofauth.OfAuthClientConfig;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RateLimitPlan;
import io.masscast.simulator.RecordedRequest;
import io.masscast.simulator.SimulatorConfig;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingNotifier;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * The whole send pipeline in one process for tests: the OFAuth simulator, SQLite in a temporary folder,
 * the real OFAuth client, core, command layer and jobs. Jobs are ticked by hand, so a test decides when
 * background work happens and never waits for it.
 */
final class Pipeline implements AutoCloseable {
    static final ChannelRef CHANNEL = new ChannelRef(Platform.SHELL, "agency", "mila");
    /** The channel's policy: the pipelines send many alike drops on purpose; the repeat guard has tests of its own. */
    static final BindingPolicy POLICY = BindingPolicy.defaults().withRepeatWindow(Optional.empty());

    static final Actor ALICE = Actor.of("alice", "Alice");

    final OfAuthSimulator simulator;
    final Wiring wiring;
    final RecordingNotifier channel = new RecordingNotifier();
    private final List<Job> jobs;
    private final boolean ownsSimulator;

    Pipeline(Path folder, Clock clock) {
        this(folder, clock, unlimitedSimulator());
    }

    /** A simulator on a free port without OFAuth's rate limit: masscast's own limiter is what a test looks at. */
    static SimulatorConfig unlimitedSimulator() {
        return SimulatorConfig.defaults().withPort(0).withRateLimit(new RateLimitPlan.Unlimited());
    }

    /** Time passes for masscast (on {@code clock}, the clock this pipeline runs on) and for OFAuth alike. */
    void advance(MutableClock clock, Duration duration) {
        clock.advance(duration);
        simulator.clock().advance(duration);
    }

    Pipeline(Path folder, Clock clock, SimulatorConfig simulatorConfig) {
        this(folder, clock, simulatorConfig, UnaryOperator.identity());
    }

    /** With the OFAuth client's settings adjusted (short timeouts for fault tests). */
    Pipeline(
            Path folder, Clock clock, SimulatorConfig simulatorConfig, UnaryOperator<OfAuthClientConfig> clientTuning) {
        this(folder, clock, OfAuthSimulator.start(simulatorConfig), true, Map.of(), clientTuning);
    }

    /**
     * On a simulator that outlives this pipeline (a restart: a second pipeline on the same folder and simulator),
     * with extra settings ({@code MASSCAST_*}) over the defaults.
     */
    Pipeline(Path folder, Clock clock, OfAuthSimulator simulator, Map<String, String> settings) {
        this(folder, clock, simulator, false, settings, UnaryOperator.identity());
    }

    private Pipeline(
            Path folder,
            Clock clock,
            OfAuthSimulator simulator,
            boolean ownsSimulator,
            Map<String, String> settings,
            UnaryOperator<OfAuthClientConfig> clientTuning) {
        this.simulator = simulator;
        this.ownsSimulator = ownsSimulator;
        Map<String, String> env = new HashMap<>(Map.of(
                "MASSCAST_DB_URL", "jdbc:sqlite:" + folder.resolve("masscast.db"),
                "MASSCAST_OFAUTH_RATE_PER_MINUTE", "100000",
                "MASSCAST_OFAUTH_BURST", "100000"));
        env.putAll(settings);
        MasscastConfig config = ConfigLoader.load(env);
        wiring = Wiring.create(
                config, Optional.of(simulator), Set.of("root"), clock, Wiring.Intervals.defaults(), clientTuning);
        if (wiring.bindings().find(CHANNEL).isEmpty()) {
            wiring.bindings()
                    .bind(
                            Actor.of("root", "Root"),
                            new Binding(
                                    CHANNEL,
                                    "conn_demo",
                                    "Mila Rose",
                                    ZoneId.of("Europe/Berlin"),
                                    Set.of("alice", "bob", "carol", "dave", "erin", "frank"),
                                    POLICY));
        }
        jobs = wiring.jobs(Map.of(Platform.SHELL, channel));
    }

    Reply run(Actor actor, String line) {
        return wiring.router().handle(CHANNEL, actor, line);
    }

    Reply click(Actor actor, ActionId.Verb verb, Campaign campaign) {
        return wiring.router()
                .click(CHANNEL, actor, new ActionId(verb, campaign.id(), campaign.fingerprint()), Optional.empty());
    }

    Campaign campaign(int number) {
        return wiring.database()
                .inTransaction(
                        stores -> stores.campaigns().findByNumber(CHANNEL.platform(), CHANNEL.workspaceId(), number))
                .orElseThrow();
    }

    CampaignState state(int number) {
        return campaign(number).state();
    }

    /** One tick of every job, in the order they depend on each other. */
    void tick() {
        jobs.forEach(JobRuntime::runGuarded);
    }

    /** Ticks every job until nothing waits to be submitted (the submitter takes a batch per tick). */
    void tickUntilSubmitted() {
        for (int i = 0; i < 100 && !wiring.submissions().dueForSubmission(1).isEmpty(); i++) {
            tick();
        }
        tick();
    }

    /**
     * One tick of job {@code name} in each replica, all started at the same moment on threads of their own (replicas
     * racing for the same work), then three more ordinary ticks of every job in each, so whatever one queued is done.
     */
    static void tickAtOnce(String name, Pipeline... replicas) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(replicas.length);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Object>> ticks = Stream.of(replicas)
                    .map(replica -> threads.submit(() -> {
                        start.await();
                        JobRuntime.runGuarded(replica.job(name));
                        return null;
                    }))
                    .toList();
            start.countDown();
            for (Future<Object> tick : ticks) {
                tick.get(30, TimeUnit.SECONDS);
            }
        } finally {
            threads.shutdownNow();
        }
        for (int i = 0; i < 3; i++) {
            for (Pipeline replica : replicas) {
                replica.tick();
            }
        }
    }

    Job job(String name) {
        return jobs.stream().filter(j -> j.name().equals(name)).findFirst().orElseThrow();
    }

    List<RecordedRequest> requests(String method, String path) {
        return simulator.requests().stream()
                .filter(r -> r.method().equals(method) && r.path().startsWith(path))
                .toList();
    }

    List<RecordedRequest> creates() {
        return requests("POST", "/v2/access/mass-messages");
    }

    /** The mass messages the simulator holds that were created through the API (not its seeded history). */
    List<Map<String, Object>> createdMessages() {
        return createdMessages(simulator);
    }

    /** As {@link #createdMessages()}, of any simulator (read through its {@code /_sim/messages}). */
    static List<Map<String, Object>> createdMessages(OfAuthSimulator simulator) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(simulator.baseUrl() + "/_sim/messages"))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            Type type = Types.newParameterizedType(
                    List.class, Types.newParameterizedType(Map.class, String.class, Object.class));
            List<Map<String, Object>> all = new Moshi.Builder()
                    .build()
                    .<List<Map<String, Object>>>adapter(type)
                    .fromJson(response.body());
            return all.stream()
                    .filter(message -> Boolean.FALSE.equals(message.get("seeded")))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        wiring.close();
        if (ownsSimulator) {
            simulator.close();
        }
    }
}
