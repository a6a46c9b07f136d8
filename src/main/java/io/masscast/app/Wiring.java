package io.masscast.app;

import io.masscast.adapter.common.ChatCore;
import io.masscast.config.LeaseSettings;
import io.masscast.config.MasscastConfig;
import io.masscast.config.OfAuthSettings;
import io.masscast.config.Secret;
import io.masscast.core.campaign.BindingService;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.campaign.SubmissionService;
import io.masscast.core.command.AdminCommands;
import io.masscast.core.command.CampaignViews;
import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.ComposeCommands;
import io.masscast.core.command.DecisionCommands;
import io.masscast.core.command.FanListCache;
import io.masscast.core.command.FormOptions;
import io.masscast.core.command.ReadCommands;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.Platform;
import io.masscast.core.policy.Permissions;
import io.masscast.core.port.ChatNotifier;
import io.masscast.core.port.OfAuthGateway;
import io.masscast.jobs.DeliveryTrackerJob;
import io.masscast.jobs.ExpiryJob;
import io.masscast.jobs.Job;
import io.masscast.jobs.JobRuntime;
import io.masscast.jobs.LeaseKeeper;
import io.masscast.jobs.OutboxDispatcherJob;
import io.masscast.jobs.ReconcilerJob;
import io.masscast.jobs.SingletonWork;
import io.masscast.jobs.SubmitterJob;
import io.masscast.ofauth.OfAuthClient;
import io.masscast.ofauth.OfAuthClientConfig;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.store.Database;
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

/**
 * The only place that constructs infrastructure: database, OFAuth client (live, or pointed at an
 * in-process simulator), the core services, the command layer and the background jobs. Adapters are
 * built by the run modes around it and hand in their notifiers when the jobs start.
 */
public final class Wiring implements AutoCloseable {
    private static final Set<CampaignState> IN_FLIGHT =
            EnumSet.of(CampaignState.APPROVED, CampaignState.SUBMITTING, CampaignState.SENDING);

    /** How often each job looks for work; tests may tighten them. */
    public record Intervals(Duration submitter, Duration outbox, Duration delivery, Duration reconciler, Duration expiry) {
        public static Intervals defaults() {
            return new Intervals(Duration.ofMillis(500), Duration.ofMillis(300), Duration.ofSeconds(2),
                    Duration.ofSeconds(5), Duration.ofSeconds(30));
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
    private OutboxDispatcherJob outbox;

    private Wiring(Database database, OfAuthClient ofauth, Set<String> admins, Clock clock, Intervals intervals,
                   LeaseSettings leaseSettings) {
        this.database = database;
        this.ofauth = ofauth;
        this.clock = clock;
        this.intervals = intervals;
        this.permissions = new Permissions(admins);
        this.bindings = new BindingService(database, permissions);
        this.campaigns = new CampaignService(database, ofauth, permissions, clock);
        this.submissions = new SubmissionService(database, clock);
        FanListCache lists = new FanListCache(ofauth, clock);
        this.views = new CampaignViews(campaigns, bindings, lists, clock);
        this.formOptions = new FormOptions(bindings, lists, ofauth, campaigns, clock);
        this.router = new CommandRouter(
                new ComposeCommands(campaigns, bindings, lists, clock),
                new DecisionCommands(campaigns),
                new ReadCommands(campaigns, bindings, views, lists, ofauth, clock),
                new AdminCommands(bindings, ofauth));
        this.leases = new LeaseKeeper(database, clock, replica, leaseSettings.ttl());
        this.jobs = new JobRuntime(4, leases);
    }

    /**
     * Opens the database and the OFAuth client. With a simulator, the client talks to it with its key;
     * otherwise to the configured OFAuth with the configured key.
     */
    public static Wiring create(MasscastConfig config, Optional<OfAuthSimulator> simulator, Set<String> extraAdmins,
                                Clock clock, Intervals intervals) {
        return create(config, simulator, extraAdmins, clock, intervals, UnaryOperator.identity());
    }

    /** As above, with the OFAuth client's settings adjusted (tests shorten its timeouts and backoff). */
    static Wiring create(MasscastConfig config, Optional<OfAuthSimulator> simulator, Set<String> extraAdmins,
                         Clock clock, Intervals intervals, UnaryOperator<OfAuthClientConfig> clientTuning) {
        Set<String> admins = new HashSet<>(config.access().adminIds());
        admins.addAll(extraAdmins);
        Database database = Database.open(config.database());
        try {
            OfAuthClient ofauth = OfAuthClient.create(clientTuning.apply(clientConfig(config.ofAuth(), simulator)));
            return new Wiring(database, ofauth, admins, clock, intervals, config.leases());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private static OfAuthClientConfig clientConfig(OfAuthSettings settings, Optional<OfAuthSimulator> simulator) {
        String key = simulator.map(OfAuthSimulator::apiKey)
                .or(() -> settings.apiKey().map(Secret::reveal))
                .orElseThrow(() -> new IllegalStateException("live OFAuth needs OFAUTH_API_KEY"));
        String baseUrl = simulator.map(OfAuthSimulator::baseUrl).orElse(settings.baseUrl().toString());
        return OfAuthClientConfig.defaults(key).withBaseUrl(baseUrl)
                .withRateLimit(rateLimit(settings.ratePerMinute(), settings.burst()));
    }

    /** The configured bucket, with the default plan's reserves scaled to its size (30 and 5 of 90). */
    static OfAuthClientConfig.RateLimit rateLimit(int perMinute, int burst) {
        OfAuthClientConfig.RateLimit plan = OfAuthClientConfig.RateLimit.defaults();
        long background = burst * plan.backgroundReserve() / plan.burst();
        long interactive = burst * plan.interactiveReserve() / plan.burst();
        return new OfAuthClientConfig.RateLimit(burst, perMinute, Duration.ofMinutes(1), background, interactive,
                plan.sendMaxWait(), plan.interactiveMaxWait(), plan.backgroundMaxWait(), plan.defaultRetryAfter());
    }

    /** Starts the background jobs; cards and notes go to the notifier of their channel's platform. */
    public void startJobs(Map<Platform, ChatNotifier> notifiers) {
        jobs(notifiers).forEach(jobs::start);
    }

    /** The background jobs, not started: {@link #startJobs} schedules them, tests tick them by hand. */
    List<Job> jobs(Map<Platform, ChatNotifier> notifiers) {
        SingletonWork singleton = new SingletonWork(leases);
        outbox = new OutboxDispatcherJob(database, views, notifiers, singleton, clock, intervals.outbox());
        // in the order one tick of each should run: state changes first, their notifications last
        return List.of(
                new SubmitterJob(submissions, ofauth, leases, intervals.submitter()),
                new ReconcilerJob(submissions, ofauth, singleton, clock, intervals.reconciler()),
                new DeliveryTrackerJob(submissions, ofauth, singleton, clock, intervals.delivery()),
                new ExpiryJob(campaigns, singleton, intervals.expiry()),
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
        boolean sending = database.inTransaction(stores -> !stores.campaigns().inStates(IN_FLIGHT, 1).isEmpty());
        return !sending && (outbox == null || outbox.isIdle());
    }

    public boolean ready() {
        return database.isReachable();
    }

    public CommandRouter router() {
        return router;
    }

    public FormOptions formOptions() {
        return formOptions;
    }

    /** What the chat adapters use of the core. */
    public ChatCore chatCore() {
        return new ChatCore(router, formOptions, bindings::approverGroups);
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

    @Override
    public void close() {
        jobs.stop(Duration.ofSeconds(10));
        ofauth.close();
        database.close();
    }
}
