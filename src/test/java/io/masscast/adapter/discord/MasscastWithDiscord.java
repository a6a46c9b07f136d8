package io.masscast.adapter.discord;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.masscast.adapter.common.AckBudgets;
import io.masscast.app.Wiring;
import io.masscast.config.ConfigLoader;
import io.masscast.config.MasscastConfig;
import io.masscast.core.model.Platform;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RateLimitPlan;
import io.masscast.simulator.RecordedRequest;
import io.masscast.simulator.SimulatorConfig;
import io.masscast.testing.FastJobs;
import io.masscast.testing.MassMessagePosts;
import io.masscast.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import net.dv8tion.jda.api.utils.data.DataObject;

/**
 * masscast as the app assembles it (SQLite, the OFAuth client against the in-process simulator, the jobs on their
 * schedule) with the Discord adapter in front, as the server mode starts it; Discord itself is mocked JDA events
 * ({@link DiscordEvents}) and channels ({@link FakeDiscordChannels}). masscast and OFAuth run on clocks the test moves
 * ({@link #advance}), so what waits for time (the stats poller, the twin window) happens when the test says.
 */
final class MasscastWithDiscord implements DiscordInteractions, AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(20);

    final OfAuthSimulator simulator;
    final Wiring wiring;
    final DiscordAdapter adapter;
    final FakeDiscordChannels discord = new FakeDiscordChannels(DiscordEvents.CHANNEL);
    final DiscordEvents events = new DiscordEvents();
    private final MutableClock clock = new MutableClock(Instant.now());

    private MasscastWithDiscord(Path folder) {
        simulator = OfAuthSimulator.start(
                SimulatorConfig.defaults().withPort(0).withRateLimit(new RateLimitPlan.Unlimited()));
        MasscastConfig config = ConfigLoader.load(Map.of(
                "MASSCAST_DB_URL", "jdbc:sqlite:" + folder.resolve("masscast.db"),
                "MASSCAST_OFAUTH", "simulator",
                "MASSCAST_OFAUTH_RATE_PER_MINUTE", "100000",
                "MASSCAST_OFAUTH_BURST", "100000",
                "MASSCAST_ADMINS", DiscordTestBed.ADMIN,
                "DISCORD_BOT_TOKEN", "discord-test-token"));
        wiring = Wiring.create(config, Optional.of(simulator), Set.of(), clock, FastJobs.INTERVALS);
        // as the server mode does it, with Discord's connection standing in for the gateway this machine can't reach
        adapter = new DiscordAdapter(
                config.discord().orElseThrow(),
                wiring.chatCore(),
                (settings, listener) -> discord.shards,
                AckBudgets.DEFAULT,
                clock);
        adapter.start();
        wiring.startJobs(Map.of(Platform.DISCORD, adapter.notifier()));
    }

    /** Started, with the channel bound to Mila Rose ({@code conn_demo}); Alice and the approvers' role approve. */
    static MasscastWithDiscord bound(Path folder) {
        MasscastWithDiscord app = new MasscastWithDiscord(folder);
        try {
            app.answered(
                    app.slash(
                            DiscordTestBed.ADMIN_MEMBER,
                            "bind",
                            Map.of(
                                    "connection",
                                    "conn_demo",
                                    "zone",
                                    "Europe/Berlin",
                                    "approvers",
                                    "<@" + DiscordTestBed.ALICE + "> <@&" + DiscordTestBed.APPROVERS_ROLE + ">")),
                    "now speaks for Mila Rose");
            return app;
        } catch (RuntimeException | AssertionError e) {
            app.close();
            throw e;
        }
    }

    @Override
    public DiscordEvents events() {
        return events;
    }

    @Override
    public DiscordListener listener() {
        return (DiscordListener) adapter.listener();
    }

    /** The answer to {@code interaction}, which only the person who made it sees and which says {@code expected}. */
    DiscordEvents.Answer answered(String interaction, String expected) {
        DiscordEvents.Answer answer = events.awaitAnswer(interaction);
        assertThat(answer.isPrivate()).as("only the clicker sees it").isTrue();
        assertThat(answer.content()).contains(expected);
        return answer;
    }

    /** Time passes for masscast and for OFAuth alike. */
    void advance(Duration duration) {
        clock.advance(duration);
        simulator.clock().advance(duration);
    }

    /** The card of {@code humanId} ({@code MC-1}) as the outbox posted it in the channel. */
    FakeDiscordChannels.Call awaitPostedCard(String humanId) {
        Predicate<FakeDiscordChannels.Call> card = post -> isCard(post.json(), humanId);
        await().atMost(PATIENCE).until(() -> discord.calls("post").stream().anyMatch(card));
        return discord.calls("post").stream().filter(card).findFirst().orElseThrow();
    }

    /** Waits for an edit of the card message {@code messageId} whose embed shows what {@code showing} looks for. */
    FakeDiscordChannels.Call awaitCardEdit(String messageId, Predicate<DataObject> showing) {
        Predicate<FakeDiscordChannels.Call> wanted =
                edit -> edit.messageId().equals(messageId) && showing.test(edit.embed());
        await().atMost(PATIENCE).until(() -> discord.calls("edit").stream().anyMatch(wanted));
        return discord.calls("edit").stream()
                .filter(wanted)
                .reduce((first, later) -> later)
                .orElseThrow();
    }

    /** The cards posted in the channel (not their edits): one per campaign or A/B test. */
    List<String> postedCardTitles() {
        return discord.calls("post").stream()
                .filter(post -> post.json().hasKey("embeds")
                        && !post.json().getArray("embeds").isEmpty())
                .map(post -> post.embed().getString("title"))
                .toList();
    }

    List<RecordedRequest> creates() {
        return MassMessagePosts.requests(simulator);
    }

    private static boolean isCard(DataObject message, String humanId) {
        return message.hasKey("embeds")
                && !message.getArray("embeds").isEmpty()
                && message.getArray("embeds")
                        .getObject(0)
                        .getString("title", "")
                        .contains(humanId + " ·");
    }

    @Override
    public void close() {
        adapter.stop();
        wiring.close();
        simulator.close();
    }
}
