package io.masscast.adapter.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.response.Response;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.javalin.http.Handler;
import io.masscast.adapter.common.AckBudgets;
import io.masscast.adapter.common.BackgroundWork;
import io.masscast.adapter.common.ChatAdapter;
import io.masscast.adapter.common.ChatCore;
import io.masscast.adapter.common.CommandAnswers;
import io.masscast.config.Secret;
import io.masscast.config.SlackSettings;
import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.FormOptions;
import io.masscast.core.health.Readiness;
import io.masscast.core.model.Platform;
import io.masscast.core.port.ChatNotifier;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * masscast in Slack, built on Bolt. Requests arrive over Socket Mode when an app-level token is set, otherwise
 * over HTTP ({@link #httpHandler()}, mounted at {@code POST /slack/events}); either way they reach the same
 * listeners: {@code /masscast}, card buttons, the compose and reject modals, and the list search. Cards go
 * out through {@link #notifier()}.
 *
 * <p>Lifecycle: construct, register the notifier and mount the handler, {@link #start()} (checks the bot token
 * with {@code auth.test} and, in Socket Mode, connects), {@link #stop()} at shutdown.
 */
public final class SlackAdapter implements ChatAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(SlackAdapter.class);
    private static final int WORKER_THREADS = 10;
    static final String EVENTS_PATH = "/slack/events";
    private static final String COMPONENT = "slack";

    private enum State {
        NEW,
        STARTED,
        STOPPING,
        STOPPED
    }

    private final SlackSettings settings;
    private final App app;
    private final BackgroundWork work;
    private final ReplayGuard replayGuard;
    private final AckTimer ackTimer;
    private final SlackNotifier notifier;
    private final Optional<Handler> httpHandler;
    private volatile State state = State.NEW;
    /** In Socket Mode: Slack's last word on the connection was a message (its hello, an envelope), not a close. */
    private volatile boolean socketConnected;

    private SocketModeApp socketMode;

    public SlackAdapter(SlackSettings settings, ChatCore core) {
        this(settings, core, AckBudgets.DEFAULT, Clock.systemUTC());
    }

    SlackAdapter(SlackSettings settings, ChatCore core, AckBudgets budgets, Clock clock) {
        CommandRouter router = core.router();
        FormOptions formOptions = core.options();
        this.settings = settings;
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(settings.apiUrl().toString());
        slackConfig.setStatsEnabled(false);
        Slack slack = Slack.getInstance(slackConfig);
        // Bolt's config reads SLACK_* variables by default; masscast's settings are the only source. A client
        // id and secret in the environment would otherwise turn this into an OAuth app that ignores the token.
        this.app = new App(AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(settings.botToken().reveal())
                .signingSecret(settings.signingSecret().map(Secret::reveal).orElse(null))
                .clientId(null)
                .clientSecret(null)
                .build());
        this.work = new BackgroundWork("slack", WORKER_THREADS);
        this.replayGuard = new ReplayGuard(clock, core.seenRequests());
        this.ackTimer = new AckTimer(core.interactions());

        SlackApi api = new SlackApi(slack, settings.botToken().reveal(), clock);
        CardRenderer cards = new CardRenderer();
        ReplyRenderer replies = new ReplyRenderer(cards);
        FormOpener forms = new FormOpener(api, formOptions, work, new ComposeModal(), budgets.formChoices());
        CommandAnswers<SlackMessage> later = new CommandAnswers<>(work, replies);
        SlackAnswers answers = new SlackAnswers(later, api, replies, forms, budgets.command());
        SlackGroups groups = new SlackGroups(api, core.approverGroups(), clock);
        this.notifier = new SlackNotifier(api, cards);

        app.command(SlashCommandListener.COMMAND, new SlashCommandListener(router, answers, groups));
        app.blockAction(
                CardButtonListener.ANY_ACTION,
                new CardButtonListener(router, answers, api, new RejectModal(), work, groups));
        app.viewSubmission(
                ComposeModal.CALLBACK_ID,
                new ComposeSubmissionListener(router, later, api, replies, work, budgets.submission()));
        app.viewSubmission(RejectModal.CALLBACK_ID, new RejectSubmissionListener(router, later, api, groups));
        app.blockSuggestion(
                ListSuggestionListener.LIST_PICKERS,
                new ListSuggestionListener(formOptions, work, budgets.suggestions()));
        this.httpHandler = settings.httpMode()
                ? Optional.of(new SlackEventsHandler(app, () -> state == State.STARTED))
                : Optional.empty();
    }

    @Override
    public Platform platform() {
        return Platform.SLACK;
    }

    /** Posts and updates campaign cards in Slack channels. */
    @Override
    public ChatNotifier notifier() {
        return notifier;
    }

    /** In HTTP mode, {@code POST /slack/events}; nothing in Socket Mode. */
    @Override
    public Map<String, Handler> routes() {
        return httpHandler.map(handler -> Map.of(EVENTS_PATH, handler)).orElse(Map.of());
    }

    /**
     * In HTTP mode, the handler for {@code POST /slack/events}; empty in Socket Mode. It answers 503 until
     * {@link #start()} has finished, so it may be mounted before.
     */
    public Optional<Handler> httpHandler() {
        return httpHandler;
    }

    /**
     * Checks the bot token ({@code auth.test}) and, in Socket Mode, connects. Fails with an exception that says
     * what Slack answered when the token is refused or no connection can be opened. Called once.
     */
    @Override
    public synchronized void start() {
        if (state != State.NEW) {
            throw new IllegalStateException("the Slack adapter starts once; it is " + state);
        }
        app.use(ackTimer); // builds Bolt's default middleware first, which calls auth.test
        app.use(replayGuard);
        app.start();
        if (settings.socketMode()) {
            connectSocketMode(settings.appToken().orElseThrow().reveal());
        }
        state = State.STARTED;
        LOG.info("{}", settings.describe());
    }

    /**
     * Ready once started; in Socket Mode only while connected (it reconnects by itself), in HTTP mode as long as it
     * takes requests.
     */
    @Override
    public Readiness readiness() {
        return switch (state) {
            case NEW -> Readiness.notReady(COMPONENT, "starting");
            case STOPPING, STOPPED -> Readiness.notReady(COMPONENT, "stopping");
            case STARTED ->
                !settings.socketMode()
                        ? Readiness.ready(COMPONENT, "HTTP mode, POST " + EVENTS_PATH)
                        : socketConnected
                                ? Readiness.ready(COMPONENT, "Socket Mode connected")
                                : Readiness.notReady(COMPONENT, "Socket Mode is not connected; reconnecting");
        };
    }

    /**
     * Takes no new request: {@code POST /slack/events} answers 503 from now on, and Socket Mode disconnects without
     * reconnecting (Slack sends to the app's other connections). Cards and notes can still be posted.
     */
    @Override
    public synchronized void stopAccepting() {
        if (state != State.STARTED) {
            return;
        }
        state = State.STOPPING;
        if (socketMode != null) {
            try {
                socketMode.getClient().disconnect();
            } catch (Exception e) {
                LOG.warn(
                        "Socket Mode did not disconnect cleanly: {}",
                        e.getClass().getSimpleName());
            }
            socketConnected = false;
        }
    }

    /** Disconnects and lets running work finish (a few seconds at most). */
    @Override
    public synchronized void stop() {
        if (state == State.STOPPED) {
            return;
        }
        state = State.STOPPED;
        try {
            if (socketMode != null) {
                socketMode.close();
            }
        } catch (Exception e) {
            LOG.warn("Socket Mode did not close cleanly: {}", e.getClass().getSimpleName());
        }
        app.stop();
        work.shutdown();
    }

    /**
     * Opens the Socket Mode connection. The client's session monitor pings every few seconds and reconnects
     * (with a fresh {@code apps.connections.open}) when the connection is gone; reconnecting on every close
     * event stays off, as the SDK advises since Slack began answering that with {@code too_many_websockets}.
     */
    private void connectSocketMode(String appToken) {
        try {
            socketMode = new SocketModeApp(
                    appToken, SocketModeClient.Backend.JavaWebSocket, SlackAdapter::socketModeFailure, app);
            socketMode.startAsync();
            // the client exists once started; its hello may have come before these listeners, so ask once as well
            SocketModeClient client = socketMode.getClient();
            client.addWebSocketMessageListener(message -> socketConnected = true);
            client.addWebSocketCloseListener((code, reason) -> socketConnected = false);
            if (client.verifyConnection()) {
                socketConnected = true;
            }
        } catch (Exception e) {
            throw new IllegalStateException(
                    "Slack Socket Mode could not connect (" + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()) + "); check SLACK_APP_TOKEN",
                    e);
        }
    }

    /** A listener threw during a Socket Mode envelope; nothing is acked, as Slack then shows the user a failure. */
    private static Response socketModeFailure(SocketModeApp.ErrorContext context) {
        Exception e = context.getException();
        String type = context.getRequest() == null
                ? "?"
                : String.valueOf(context.getRequest().getRequestType());
        if (e instanceof MalformedPayload) {
            LOG.info("Socket Mode request refused: {} ({})", e.getMessage(), type);
        } else {
            LOG.error("Socket Mode request ({}) failed", type, e);
        }
        return null;
    }
}
