package io.masscast.app;

import io.javalin.http.Handler;
import io.masscast.adapter.common.ChatCore;
import io.masscast.adapter.common.LocalSeenRequests;
import io.masscast.chart.XChartRenderer;
import io.masscast.config.DatabaseKind;
import io.masscast.config.LeaseSettings;
import io.masscast.config.MasscastConfig;
import io.masscast.config.OfAuthSettings;
import io.masscast.config.Secret;
import io.masscast.config.StatsSettings;
import io.masscast.core.besttime.BestTimeService;
import io.masscast.core.campaign.AbTestService;
import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.campaign.MediaUploadService;
import io.masscast.core.campaign.ReminderService;
import io.masscast.core.campaign.StatsService;
import io.masscast.core.campaign.SubmissionService;
import io.masscast.core.command.AdminCommands;
import io.masscast.core.command.BestTimeCommands;
import io.masscast.core.command.CampaignViews;
import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.ComposeCommands;
import io.masscast.core.command.DecisionCommands;
import io.masscast.core.command.DigestCommands;
import io.masscast.core.command.FanListCache;
import io.masscast.core.command.FormOptions;
import io.masscast.core.command.ReadCommands;
import io.masscast.core.digest.DigestService;
import io.masscast.core.health.ApiKeyCheck;
import io.masscast.core.health.ConnectionHealthService;
import io.masscast.core.health.Readiness;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.Platform;
import io.masscast.core.policy.Permissions;
import io.masscast.core.port.ChatNotifier;
import io.masscast.core.port.InteractionObserver;
import io.masscast.core.port.OfAuthGateway;
import io.masscast.core.port.SeenRequests;
import io.masscast.core.port.WorkSignal;
import io.masscast.http.OfAuthWebhookHandler;
import io.masscast.http.OfAuthWebhookVerifier;
import io.masscast.jobs.ApiKeyCheckJob;
import io.masscast.jobs.ConnectionWatcherJob;
import io.masscast.jobs.DigestJob;
import io.masscast.jobs.ExpiryJob;
import io.masscast.jobs.Job;
import io.masscast.jobs.JobRuntime;
import io.masscast.jobs.JobWakeups;
import io.masscast.jobs.LeaseKeeper;
import io.masscast.jobs.OutboxDispatcherJob;
import io.masscast.jobs.ReconcilerJob;
import io.masscast.jobs.ReminderJob;
import io.masscast.jobs.SingletonWork;
import io.masscast.jobs.StatsPollerJob;
import io.masscast.jobs.SubmitterJob;
import io.masscast.ofauth.OfAuthClient;
import io.masscast.ofauth.OfAuthClientConfig;
import io.masscast.ofauth.RateBudget;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.store.Database;
import io.masscast.store.JdbcSeenRequests;
import io.masscast.store.OperationsReport;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The only place that constructs infrastructure: database, OFAuth client (live, or pointed at an
 * in-process simulator), the core services, the command layer and the background jobs. Adapters are
 * built by the run modes around it and hand in their notifiers when the jobs start.
 */
public final class Wiring implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);
    /** Sends masscast still has to make; once OFAuth has a message, its delivery is OFAuth's (the poller follows it). */
    private static final Set<CampaignState> IN_FLIGHT = EnumSet.of(CampaignState.APPROVED, CampaignState.SUBMITTING);
    /** How often the daily digests' schedules are checked: a digest goes out within this of its time. */
    static final Duration DIGEST_CHECK = Duration.ofSeconds(30);
    /** How often OFAuth is asked again whether it accepts the API key (readiness reads the last answer). */
    static final Duration API_KEY_CHECK = Duration.ofMinutes(10);
    /** How often campaigns waiting for approval are checked for a reminder that is due. */
    static final Duration REMINDER_CHECK = Duration.ofSeconds(30);

    /**
     * How often each job looks for work; tests may tighten them. The submitter and the outbox also start at once
     * when this process commits work for them; their polling finds what other replicas wrote. {@code stats} is how often the stats poller
     * and the connection watcher look for a connection that is due (each connection's poll delay and probe
     * schedule come from {@link StatsSettings}).
     */
    public record Intervals(Duration submitter, Duration outbox, Duration stats, Duration reconciler, Duration expiry) {
        public static Intervals defaults() {
            return new Intervals(
                    Duration.ofMillis(500),
                    Duration.ofMillis(300),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5),
                    Duration.ofSeconds(30));
        }
    }

    private final Database database;
    private final OfAuthClient ofauth;
    private final Clock clock;
    private final Intervals intervals;
    private final String replica = "replica-" + UUID.randomUUID().toString().substring(0, 8);
    private final Permissions permissions;
    private final BindingService bindings;
    private final CampaignService campaigns;
    private final SubmissionService submissions;
    private final CampaignViews views;
    private final FormOptions formOptions;
    private final CommandRouter router;
    private final LeaseKeeper leases;
    private final JobRuntime jobs;
    private final StatsSettings statsSettings;
    private final StatsService stats;
    private final ConnectionHealthService health;
    private final DigestService digests;
    private final ReminderService reminders;
    private final OfAuthWebhookHandler webhook;
    private final MicrometerMetrics metrics;
    private final ApiKeyCheck apiKey;
    private final SeenRequests seenRequests;
    private OutboxDispatcherJob outbox;
    private boolean closed;

    private Wiring(
            Database database,
            JobWakeups wakeups,
            OfAuthClient ofauth,
            MicrometerMetrics metrics,
            MasscastConfig config,
            Set<String> admins,
            Clock clock,
            Intervals intervals,
            LeaseSettings leaseSettings) {
        this.database = database;
        this.ofauth = ofauth;
        this.metrics = metrics;
        this.apiKey = new ApiKeyCheck(ofauth, clock);
        // replicas behind one load balancer must share the memory of Slack requests seen; one process keeps its own
        this.seenRequests = config.database().kind() == DatabaseKind.POSTGRESQL
                ? new JdbcSeenRequests(database)
                : new LocalSeenRequests();
        this.clock = clock;
        this.intervals = intervals;
        this.statsSettings = config.stats();
        this.stats = new StatsService(database, clock);
        this.health = new ConnectionHealthService(database, ofauth, clock, statsSettings.probeInterval());
        ofauth.onSessionExpired(health::sessionExpiredSeen);
        this.webhook = new OfAuthWebhookHandler(
                config.ofAuth().webhookSecret().map(secret -> new OfAuthWebhookVerifier(secret.reveal(), clock)),
                health);
        this.permissions = new Permissions(admins);
        this.bindings = new BindingService(database, permissions);
        this.campaigns = new CampaignService(database, ofauth, permissions, clock);
        AbTestService tests = new AbTestService(database, ofauth, permissions, campaigns, clock);
        this.submissions = new SubmissionService(database, clock);
        FanListCache lists = new FanListCache(ofauth, clock);
        this.views = new CampaignViews(campaigns, tests, bindings, lists, clock, statsSettings.trackFor());
        this.formOptions = new FormOptions(bindings, lists, ofauth, campaigns, clock);
        XChartRenderer charts = new XChartRenderer();
        this.digests = new DigestService(database, charts, clock, replica, statsSettings.trackFor());
        BestTimeService bestTimes = new BestTimeService(database, charts, clock);
        this.reminders = new ReminderService(database, clock, replica);
        this.router = new CommandRouter(
                new ComposeCommands(
                        campaigns, tests, bindings, lists, bestTimes, new MediaUploadService(ofauth), clock),
                new DecisionCommands(campaigns, tests, clock),
                new ReadCommands(campaigns, bindings, views, lists, ofauth, clock),
                new AdminCommands(bindings, ofauth),
                new DigestCommands(digests),
                new BestTimeCommands(bestTimes));
        this.leases = new LeaseKeeper(database, clock, replica, leaseSettings.ttl());
        this.jobs = new JobRuntime(leases, wakeups);
    }

    /**
     * Opens the database and the OFAuth client. With a simulator, the client talks to it with its key;
     * otherwise to the configured OFAuth with the configured key.
     */
    public static Wiring create(
            MasscastConfig config,
            Optional<OfAuthSimulator> simulator,
            Set<String> extraAdmins,
            Clock clock,
            Intervals intervals) {
        return create(config, simulator, extraAdmins, clock, intervals, UnaryOperator.identity());
    }

    /** As above, with the OFAuth client's settings adjusted (tests shorten its timeouts and backoff). */
    static Wiring create(
            MasscastConfig config,
            Optional<OfAuthSimulator> simulator,
            Set<String> extraAdmins,
            Clock clock,
            Intervals intervals,
            UnaryOperator<OfAuthClientConfig> clientTuning) {
        return create(config, simulator, extraAdmins, clock, intervals, clientTuning, true);
    }

    /**
     * As above; with {@code wakeUps} off the submitter and the outbox only poll, as they did before they were woken
     * (what the benchmarks compare the wake-ups with).
     */
    static Wiring create(
            MasscastConfig config,
            Optional<OfAuthSimulator> simulator,
            Set<String> extraAdmins,
            Clock clock,
            Intervals intervals,
            UnaryOperator<OfAuthClientConfig> clientTuning,
            boolean wakeUps) {
        Set<String> admins = new HashSet<>(config.access().adminIds());
        admins.addAll(extraAdmins);
        JobWakeups wakeups = new JobWakeups(); // an approval or a notification committed: its job starts at once
        Database database = Database.open(config.database(), wakeUps ? wakeups : WorkSignal.NONE);
        Wiring wiring;
        try {
            OperationsReport report = new OperationsReport(database);
            MicrometerMetrics metrics = new MicrometerMetrics(report::read, clock);
            // one process keeps the connections' rate budgets in memory; replicas on PostgreSQL share them there. The
            // client waits for tokens in real time, whatever clock the jobs run on (tests move theirs by hand).
            Clock realTime = Clock.systemUTC();
            RateBudget budget = config.database().kind() == DatabaseKind.POSTGRESQL
                    ? RateBudget.shared(database.dataSource(), realTime)
                    : RateBudget.inProcess(realTime);
            OfAuthClient ofauth = OfAuthClient.create(
                    clientTuning.apply(clientConfig(config.ofAuth(), simulator)), realTime, budget, metrics);
            wiring = new Wiring(database, wakeups, ofauth, metrics, config, admins, clock, intervals, config.leases());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        try {
            wiring.checkApiKey();
            return wiring;
        } catch (RuntimeException e) {
            wiring.close();
            throw e;
        }
    }

    /** A wrong API key stops start-up; OFAuth being unreachable does not (the jobs retry). */
    private void checkApiKey() {
        ApiKeyCheck.Status status = apiKey.check();
        switch (status.verdict()) {
            case ACCEPTED -> LOG.info("OFAuth accepts the API key: {}", status.detail());
            case REFUSED ->
                throw new StartupFailure("masscast cannot start: " + status.detail() + ". Copy the key again"
                        + " from the OFAuth dashboard (Developers → API keys) into OFAUTH_API_KEY, or unset it to try masscast"
                        + " on its built-in OFAuth simulator.");
            case UNKNOWN ->
                LOG.warn(
                        "Could not check the OFAuth API key at start-up ({}); starting anyway",
                        status.unanswered().orElse("no answer"));
        }
    }

    private static OfAuthClientConfig clientConfig(OfAuthSettings settings, Optional<OfAuthSimulator> simulator) {
        String key = simulator
                .map(OfAuthSimulator::apiKey)
                .or(() -> settings.apiKey().map(Secret::reveal))
                .orElseThrow(() -> new IllegalStateException("live OFAuth needs OFAUTH_API_KEY"));
        String baseUrl = simulator
                .map(OfAuthSimulator::baseUrl)
                .orElse(settings.baseUrl().toString());
        return OfAuthClientConfig.defaults(key)
                .withBaseUrl(baseUrl)
                .withRateLimit(rateLimit(settings.ratePerMinute(), settings.burst()));
    }

    /**
     * The configured bucket, with the default plan's reserves scaled to its size (30 and 5 of 90). Background
     * calls never wait for a token: the stats poller shortens its cycle instead, so it never holds a job
     * thread or a token a send could use.
     */
    static OfAuthClientConfig.RateLimit rateLimit(int perMinute, int burst) {
        OfAuthClientConfig.RateLimit plan = OfAuthClientConfig.RateLimit.defaults();
        long background = burst * plan.backgroundReserve() / plan.burst();
        long interactive = burst * plan.interactiveReserve() / plan.burst();
        return new OfAuthClientConfig.RateLimit(
                burst,
                perMinute,
                Duration.ofMinutes(1),
                background,
                interactive,
                plan.sendMaxWait(),
                plan.interactiveMaxWait(),
                Duration.ZERO,
                plan.defaultRetryAfter());
    }

    /** Starts the background jobs; cards and notes go to the notifier of their channel's platform. */
    public void startJobs(Map<Platform, ChatNotifier> notifiers) {
        jobs(notifiers).forEach(jobs::start);
    }

    /** The background jobs, not started: {@link #startJobs} schedules them, tests tick them by hand. */
    List<Job> jobs(Map<Platform, ChatNotifier> notifiers) {
        SingletonWork singleton = new SingletonWork(leases);
        outbox = new OutboxDispatcherJob(database, views, notifiers, singleton, clock, intervals.outbox(), metrics);
        // in the order one tick of each should run: state changes first, their notifications last
        return List.of(
                new ConnectionWatcherJob(health, singleton, intervals.stats()),
                new SubmitterJob(submissions, health, ofauth, leases, intervals.submitter()),
                new ReconcilerJob(submissions, ofauth, singleton, clock, intervals.reconciler()),
                new StatsPollerJob(stats, ofauth, singleton, clock, statsSettings, intervals.stats(), metrics),
                new ExpiryJob(campaigns, singleton, intervals.expiry()),
                new DigestJob(digests, clock, DIGEST_CHECK),
                new ApiKeyCheckJob(apiKey, API_KEY_CHECK),
                new ReminderJob(reminders, REMINDER_CHECK),
                outbox);
    }

    /** The transitions the jobs drive, for tests that play a crashed replica. */
    SubmissionService submissions() {
        return submissions;
    }

    /** The database, for tests that look at stored rows. */
    Database database() {
        return database;
    }

    /** Nothing is being sent and no notification waits: what the shell checks before it exits. */
    public boolean idle() {
        boolean sending = database.inTransaction(
                stores -> !stores.campaigns().inStates(IN_FLIGHT, 1).isEmpty());
        return !sending && (outbox == null || outbox.isIdle());
    }

    /** What {@code /readyz} reports of the core: the database answers, and OFAuth accepted the API key when last asked. */
    public List<Readiness> readiness() {
        Readiness db = database.isReachable()
                ? Readiness.ready("database", "answers")
                : Readiness.notReady("database", "does not answer");
        return List.of(db, apiKey.readiness());
    }

    /** {@code GET /metrics}: every metric, in Prometheus' text format. */
    public String scrapeMetrics() {
        return metrics.scrape();
    }

    /** Who hears how fast the chat adapters acknowledge interactions (metrics). */
    public InteractionObserver interactions() {
        return metrics;
    }

    /** The memory of Slack requests already seen: shared through the database by replicas on PostgreSQL. */
    public SeenRequests seenRequests() {
        return seenRequests;
    }

    /** {@code POST /webhooks/ofauth}: OFAuth's connection events, verified with OFAUTH_WEBHOOK_SECRET. */
    public Handler ofauthWebhook() {
        return webhook;
    }

    /** Campaign results, for tests that look at what the poller stored. */
    StatsService stats() {
        return stats;
    }

    public CommandRouter router() {
        return router;
    }

    public FormOptions formOptions() {
        return formOptions;
    }

    /** What the chat adapters use of the core. */
    public ChatCore chatCore() {
        return new ChatCore(router, formOptions, bindings::approverGroups, seenRequests, metrics);
    }

    public BindingService bindings() {
        return bindings;
    }

    public OfAuthGateway ofauth() {
        return ofauth;
    }

    public Permissions permissions() {
        return permissions;
    }

    /**
     * The first steps of a stop: no tick is scheduled any more, and running ones finish the item at hand (at most
     * {@code grace}, then they are interrupted: a send that had not left gives its campaign back); the leases stay
     * held for {@link #flushOutbox}.
     */
    public void stopJobs(Duration grace) {
        jobs.stopTicks(grace);
    }

    /** Delivers what waits in the outbox of the platforms this replica delivers, within {@code budget}. */
    public void flushOutbox(Duration budget) {
        if (outbox == null) {
            return;
        }
        try {
            outbox.flush(budget);
        } catch (RuntimeException e) {
            LOG.error(
                    "The outbox could not be delivered as masscast stopped; another replica or the next start delivers it",
                    e);
        }
    }

    /** Stops the jobs (if {@link #stopJobs} has not), gives up every lease, and closes OFAuth and the database. Once. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        jobs.stop(Duration.ofSeconds(10));
        ofauth.close();
        metrics.close();
        database.close();
    }
}
