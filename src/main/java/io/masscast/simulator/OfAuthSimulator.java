package io.masscast.simulator;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real HTTP server on 127.0.0.1 that behaves like the OFAuth API for masscast's tests, demo and benchmarks.
 * See {@code /_sim/} ({@link ControlApi}) for the control endpoints.
 */
public final class OfAuthSimulator implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(OfAuthSimulator.class);
    private static final String API_KEY = "sk_sim_demo_0000000000000000";
    private static final int BACKLOG = 256;
    private static final String NO_DELAY = "sun.net.httpserver.nodelay";

    static {
        // The JDK server writes headers and body in separate packets; with Nagle on, delayed ACKs add ~40 ms to
        // every call. The JDK reads this property once, when its first HttpServer starts; an explicit setting wins.
        if (System.getProperty(NO_DELAY) == null) {
            System.setProperty(NO_DELAY, "true");
        }
    }

    private final SimulatorConfig config;
    private final HttpServer server;
    private final ExecutorService executor;
    private final SimClock clock;
    private final Accounts accounts;
    private final RequestLog requestLog;
    private final FaultInjector faults;
    private final AtomicBoolean closed = new AtomicBoolean();

    private OfAuthSimulator(
            SimulatorConfig config,
            HttpServer server,
            ExecutorService executor,
            SimClock clock,
            Accounts accounts,
            RequestLog requestLog,
            FaultInjector faults) {
        this.config = config;
        this.server = server;
        this.executor = executor;
        this.clock = clock;
        this.accounts = accounts;
        this.requestLog = requestLog;
        this.faults = faults;
    }

    public static OfAuthSimulator start(SimulatorConfig config) {
        SimClock clock = new SimClock(Clock.systemUTC());
        MessageTimeline timeline = new MessageTimeline(
                config.seed(), config.deliveryDuration(), config.purchaseWindow(), config.unsendWindow());
        Accounts accounts = WorldSeeder.seed(config, timeline, clock.now());
        MessageRenderer renderer = new MessageRenderer(timeline);
        RequestLog requestLog = new RequestLog();
        FaultInjector faults = new FaultInjector();
        AccessRateLimiter limiter = new AccessRateLimiter(config.rateLimit(), config.sendRetryAfter(), clock);
        ErrorRenderer errors = new ErrorRenderer(config.errorBodyStyle());
        OfAuthApi api = new OfAuthApi(
                API_KEY,
                accounts,
                limiter,
                errors,
                clock,
                List.of(
                        new MassMessageRoutes(new MassMessageRequestParser(config.rejectPriceBelowMinimum()), renderer),
                        new AnalyticsRoutes(timeline, renderer, config.seed()),
                        new UserListRoutes(),
                        new AudienceRoutes(),
                        new VaultRoutes(),
                        new UploadRoutes(),
                        new AccountRoutes(accounts)));
        ControlApi control =
                new ControlApi(requestLog, faults, accounts, clock, renderer, new WebhookSender(Clock.systemUTC()));

        ExecutorService executor = Executors.newCachedThreadPool(daemonThreads());
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), BACKLOG);
        } catch (IOException e) {
            executor.shutdownNow();
            throw new UncheckedIOException("OFAuth simulator cannot listen on port " + config.port(), e);
        }
        server.createContext("/", new SimulatorHttpHandler(api, control, requestLog, faults, limiter, errors, clock));
        server.setExecutor(executor);
        server.start();
        OfAuthSimulator simulator = new OfAuthSimulator(config, server, executor, clock, accounts, requestLog, faults);
        log.info("OFAuth simulator listening on {}", simulator.baseUrl());
        return simulator;
    }

    /** {@code http://127.0.0.1:PORT}, without a trailing slash. */
    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The only API key this simulator accepts. */
    public String apiKey() {
        return API_KEY;
    }

    /** {@code conn_demo}, {@code conn_demo2} (all permissions) and {@code conn_readonly} (no write permissions). */
    public List<String> connectionIds() {
        return accounts.connectionIds();
    }

    public SimulatorConfig config() {
        return config;
    }

    public SimClock clock() {
        return clock;
    }

    public List<RecordedRequest> requests() {
        return requestLog.snapshot();
    }

    public void clearRequests() {
        requestLog.clear();
    }

    public FaultInjector faults() {
        return faults;
    }

    /** Plans every creator's later uploads in parts of {@code bytes} (5 MiB by default): a small one forces multipart. */
    public void uploadPartSize(long bytes) {
        accounts.all().forEach(account -> account.uploads().partSize(bytes));
    }

    /** Whether later finished uploads answer with their vault media ({@code true} by default; OFAuth may leave it out). */
    public void uploadsNameTheirMedia(boolean names) {
        accounts.all().forEach(account -> account.uploads().namesMedia(names));
    }

    /** Marks the connection expired: Access calls on it get 401 {@code SESSION_EXPIRED}. */
    public void expireConnection(String connectionId) {
        accounts.require(connectionId).expire(clock.now());
    }

    public void restoreConnection(String connectionId) {
        accounts.require(connectionId).restore(clock.now());
    }

    /** Who is behind a connection, e.g. "Mila Rose (@milarose)". */
    String creatorLabel(String connectionId) {
        CreatorAccount account = accounts.require(connectionId);
        Creator creator = account.creator();
        boolean readOnly = !account.connection().permissions().contains(Permission.MESSAGES_WRITE);
        return creator.name() + " (@" + creator.username() + ")" + (readOnly ? ", read-only: no messages:write" : "");
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        server.stop(0);
        executor.shutdownNow();
        log.info("OFAuth simulator on port {} stopped", server.getAddress().getPort());
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "ofauth-sim-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
