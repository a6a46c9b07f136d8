package io.masscast.adapter.discord;

import io.masscast.adapter.common.AckBudgets;
import io.masscast.adapter.common.BackgroundWork;
import io.masscast.adapter.common.ChatAdapter;
import io.masscast.adapter.common.ChatCore;
import io.masscast.adapter.common.CommandAnswers;
import io.masscast.config.DiscordSettings;
import io.masscast.core.health.Readiness;
import io.masscast.core.model.Platform;
import io.masscast.core.port.ChatNotifier;
import java.time.Clock;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.JDA;
import net.dv8tion.jda.api.Permission;
import net.dv8tion.jda.api.exceptions.InvalidTokenException;
import net.dv8tion.jda.api.hooks.EventListener;
import net.dv8tion.jda.api.requests.GatewayIntent;
import net.dv8tion.jda.api.requests.RestConfig;
import net.dv8tion.jda.api.sharding.DefaultShardManagerBuilder;
import net.dv8tion.jda.api.sharding.ShardManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * masscast in Discord, built on JDA's shard manager (so a large install can shard). It needs no privileged intent:
 * interactions bring the member and their roles with them. Events are handled on an event pool of their own, never
 * on the gateway's thread; each interaction is answered or deferred within 3 seconds; cards and thread notes go out
 * through {@link #notifier()} with the bot token. {@code /masscast} is registered at each start, on
 * {@code DISCORD_GUILD_ID} (instant) or globally.
 *
 * <p>Lifecycle: construct, {@link #start()} (logs in; a wrong token stops start-up with a clear message),
 * {@link #stop()} at shutdown.
 */
public final class DiscordAdapter implements ChatAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordAdapter.class);
    private static final int WORKER_THREADS = 10;
    private static final int EVENT_THREADS = 8;
    private static final String COMPONENT = "discord";
    /**
     * What the bot may do in a channel: see it, post cards (messages with embeds), read a card back to start its
     * thread, start that thread and write notes in it. Editing its own messages needs no permission.
     */
    public static final Set<Permission> PERMISSIONS = Collections.unmodifiableSet(EnumSet.of(
            Permission.VIEW_CHANNEL,
            Permission.MESSAGE_SEND,
            Permission.MESSAGE_EMBED_LINKS,
            Permission.MESSAGE_HISTORY,
            Permission.CREATE_PUBLIC_THREADS,
            Permission.MESSAGE_SEND_IN_THREADS));

    /** Logs in to Discord with the adapter's listener; throws when Discord refuses or can't be reached. */
    @FunctionalInterface
    public interface Connector {
        ShardManager connect(DiscordSettings settings, EventListener listener);
    }

    private final DiscordSettings settings;
    private final Connector connector;
    private final BackgroundWork work;
    private final DiscordListener listener;
    private final DiscordNotifier notifier;
    private volatile ShardManager shards;
    private volatile boolean stopping;

    public DiscordAdapter(DiscordSettings settings, ChatCore core) {
        this(settings, core, DiscordAdapter::login, AckBudgets.DEFAULT, Clock.systemUTC());
    }

    /** With another way to connect (tests stand in for Discord, which this machine can't reach). */
    public DiscordAdapter(
            DiscordSettings settings, ChatCore core, Connector connector, AckBudgets budgets, Clock clock) {
        this.settings = settings;
        this.connector = connector;
        this.work = new BackgroundWork("discord", WORKER_THREADS);
        PendingForms forms = new PendingForms(clock);
        DiscordCards cards = new DiscordCards();
        DiscordReplies replies = new DiscordReplies(cards, forms);
        DiscordAnswers answers = new DiscordAnswers(
                new CommandAnswers<>(work, replies),
                replies,
                core.options(),
                work,
                forms,
                new DiscordComposeModal(),
                budgets);
        this.listener = new DiscordListener(
                new SlashCommandListener(core.router(), answers),
                new AutocompleteListener(core.options(), work, budgets.suggestions()),
                new ButtonListener(core.router(), answers, forms, new DiscordRejectModal()),
                new ModalListener(core.router(), answers, forms),
                settings.guildId(),
                core.interactions());
        this.notifier = new DiscordNotifier(this::connection, cards);
    }

    /** The link that invites the bot to a server, with the scopes and permissions masscast needs. */
    public static String inviteUrl(String applicationId) {
        return "https://discord.com/oauth2/authorize?client_id=" + applicationId
                + "&scope=bot+applications.commands&permissions=" + Permission.getRaw(PERMISSIONS);
    }

    /** The exact JSON masscast registers for {@code /masscast} (what {@code masscast discord-commands} prints). */
    public static String commandsJson() {
        return DiscordCommands.json();
    }

    @Override
    public Platform platform() {
        return Platform.DISCORD;
    }

    /** Posts and updates campaign cards, and posts notes in their threads, in Discord channels. */
    @Override
    public ChatNotifier notifier() {
        return notifier;
    }

    /** The listener JDA calls (tests hand it events directly). */
    EventListener listener() {
        return listener;
    }

    @Override
    public synchronized void start() {
        if (shards != null) {
            throw new IllegalStateException("the Discord adapter starts once");
        }
        shards = connector.connect(settings, listener);
        LOG.info("{}", settings.describe());
    }

    /** Ready while every shard is connected to Discord's gateway (JDA reconnects a dropped one by itself). */
    @Override
    public Readiness readiness() {
        ShardManager connected = shards;
        if (connected == null) {
            return Readiness.notReady(COMPONENT, "starting");
        }
        if (stopping) {
            return Readiness.notReady(COMPONENT, "stopping");
        }
        Map<JDA, JDA.Status> statuses = connected.getStatuses();
        long up = statuses.values().stream()
                .filter(status -> status == JDA.Status.CONNECTED)
                .count();
        String detail = up + " of " + statuses.size() + " shard(s) connected";
        return up == statuses.size() && up > 0
                ? Readiness.ready(COMPONENT, detail)
                : Readiness.notReady(COMPONENT, detail);
    }

    /**
     * Takes no new interaction: each one is answered at once, privately, that masscast is restarting. The gateway stays
     * connected until {@link #stop()}, since cards and notes are posted through it.
     */
    @Override
    public void stopAccepting() {
        stopping = true;
        listener.stopAccepting();
    }

    @Override
    public synchronized void stop() {
        if (shards != null) {
            shards.shutdown();
        }
        work.shutdown();
    }

    private ShardManager connection() {
        ShardManager connected = shards;
        if (connected == null) {
            throw new DiscordCallFailed("reaching Discord", "the Discord adapter has not started yet");
        }
        return connected;
    }

    /**
     * Logs in: {@code createLight} (no member cache, no chunking) with no privileged intents, JDA's own shutdown hook
     * off (the server mode stops it), and the events on a pool of their own.
     */
    static ShardManager login(DiscordSettings settings, EventListener listener) {
        try {
            return DefaultShardManagerBuilder.createLight(
                            settings.botToken().reveal(), EnumSet.noneOf(GatewayIntent.class))
                    .setRestConfig(new RestConfig().setBaseUrl(settings.apiUrl().toString()))
                    .setEventPool(eventPool(), true)
                    .setEnableShutdownHook(false)
                    .addEventListeners(listener)
                    .build();
        } catch (InvalidTokenException e) {
            throw new IllegalStateException(
                    "Discord refused DISCORD_BOT_TOKEN: copy the bot token again from the Developer "
                            + "Portal (your application → Bot → Reset Token) into DISCORD_BOT_TOKEN");
        } catch (RuntimeException e) {
            throw new IllegalStateException("Discord could not be reached at " + settings.apiUrl() + " ("
                    + rootCause(e).getClass().getSimpleName()
                    + "): check the network, or MASSCAST_DISCORD_API_URL if it is set");
        }
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static ExecutorService eventPool() {
        AtomicInteger next = new AtomicInteger(1);
        return Executors.newFixedThreadPool(EVENT_THREADS, task -> {
            Thread thread = new Thread(task, "masscast-discord-events-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        });
    }
}
