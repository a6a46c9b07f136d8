package io.masscast.adapter.discord;

import static io.masscast.adapter.discord.DiscordTestBed.ALICE_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.DAVE_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.ERIN_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.masscast.adapter.common.AckBudgets;
import io.masscast.app.Wiring;
import io.masscast.config.ConfigLoader;
import io.masscast.config.MasscastConfig;
import io.masscast.core.command.ActionId;
import io.masscast.core.model.Platform;
import io.masscast.core.policy.Fields;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RateLimitPlan;
import io.masscast.simulator.RecordedRequest;
import io.masscast.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * masscast as the app assembles it (SQLite, the OFAuth client against the in-process simulator, the jobs on their
 * schedule) with the Discord adapter in front; Discord itself is mocked JDA events and channels. A campaign composed
 * in Discord is refused to a non-approver, approved by a member of the approvers' role, reaches OFAuth as exactly
 * one correct POST, and its card is edited in place; two approvers confirming at the same moment send it once.
 */
class DiscordEndToEndTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Wiring.Intervals FAST_JOBS = new Wiring.Intervals(
            Duration.ofMillis(50),
            Duration.ofMillis(50),
            Duration.ofMillis(200),
            Duration.ofSeconds(5),
            Duration.ofSeconds(30));

    @TempDir
    Path folder;

    private OfAuthSimulator simulator;
    private Wiring wiring;
    private DiscordAdapter adapter;
    private final FakeDiscordChannels discord = new FakeDiscordChannels(DiscordEvents.CHANNEL);
    private final DiscordEvents events = new DiscordEvents();

    @BeforeEach
    void start() {
        simulator = OfAuthSimulator.start(
                SimulatorConfig.defaults().withPort(0).withRateLimit(new RateLimitPlan.Unlimited()));
        MasscastConfig config = ConfigLoader.load(Map.of(
                "MASSCAST_DB_URL", "jdbc:sqlite:" + folder.resolve("masscast.db"),
                "MASSCAST_OFAUTH", "simulator",
                "MASSCAST_OFAUTH_RATE_PER_MINUTE", "100000",
                "MASSCAST_OFAUTH_BURST", "100000",
                "MASSCAST_ADMINS", DiscordTestBed.ADMIN,
                "DISCORD_BOT_TOKEN", "discord-test-token"));
        wiring = Wiring.create(config, Optional.of(simulator), Set.of(), Clock.systemUTC(), FAST_JOBS);
        // as the server mode does it, with Discord's connection standing in for the gateway this machine can't reach
        adapter = new DiscordAdapter(
                config.discord().orElseThrow(),
                wiring.chatCore(),
                (settings, listener) -> discord.shards,
                AckBudgets.DEFAULT,
                Clock.systemUTC());
        adapter.start();
        wiring.startJobs(Map.of(Platform.DISCORD, adapter.notifier()));
        answer(
                slash(
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
    }

    @AfterEach
    void stop() {
        adapter.stop();
        wiring.close();
        simulator.close();
    }

    @Test
    void composedInDiscordApprovedByTheRoleSentOnceAndTheCardEditedInPlace() {
        String card = composeAndAwaitCard("New set is up 🔥", 1);
        String approve = button(card, ActionId.Verb.APPROVE);

        answer(click(ERIN_MEMBER, approve), "Approve MC-1?");
        answer(click(ERIN_MEMBER, DiscordReplies.CONFIRM + approve), "You are not an approver");
        answer(click(ALICE_MEMBER, DiscordReplies.CONFIRM + approve), "You requested MC-1");
        assertThat(creates()).isEmpty();

        answer(click(DAVE_MEMBER, DiscordReplies.CONFIRM + approve), "You approved MC-1");

        await().atMost(PATIENCE).until(() -> !creates().isEmpty());
        RecordedRequest create = creates().get(0);
        assertThat(create.connectionId()).isEqualTo("conn_demo");
        JsonObject body = JsonParser.parseString(create.body()).getAsJsonObject();
        assertThat(body.get("text").getAsString()).isEqualTo("New set is up 🔥");
        assertThat(body.get("price").getAsBigDecimal()).isEqualByComparingTo("12.50");
        assertThat(body.getAsJsonArray("userLists").toString()).isEqualTo("[1187345]");
        assertThat(body.getAsJsonArray("mediaItems").toString())
                .isEqualTo("[\"https://cdn.example.com/1.jpg\",\"https://cdn.example.com/2.jpg\"]");
        assertThat(body.get("previewMediaCount").getAsInt()).isEqualTo(1);
        await().atMost(PATIENCE)
                .until(() -> discord.calls("edit").stream()
                        .anyMatch(edit -> edit.messageId().equals(card)
                                && edit.embed().getString("title").contains("MC-1")
                                && edit.embed().toString().contains("<@" + DiscordTestBed.DAVE + ">")));
        assertThat(discord.calls("post"))
                .as("the card is edited in place, never posted twice")
                .hasSize(1);
        assertThat(creates()).hasSize(1);
    }

    @Test
    void twoApproversConfirmingAtTheSameMomentSendItOnce() throws Exception {
        String card = composeAndAwaitCard("Flash sale", 1);
        String confirm = DiscordReplies.CONFIRM + button(card, ActionId.Verb.APPROVE);
        var dave = events.button(DAVE_MEMBER, confirm);
        String daveClick = events.last();
        var carol = events.button(
                DiscordEvents.member("900000000000000004", "carol", DiscordTestBed.APPROVERS_ROLE), confirm);
        String carolClick = events.last();
        DiscordListener listener = (DiscordListener) adapter.listener();
        CountDownLatch together = new CountDownLatch(1);

        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            awaitLatch(together);
            listener.onButtonInteraction(dave);
        });
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> {
            awaitLatch(together);
            listener.onButtonInteraction(carol);
        });
        together.countDown();
        CompletableFuture.allOf(first, second).get();

        List<String> answers = List.of(
                events.awaitAnswer(daveClick).content(),
                events.awaitAnswer(carolClick).content());
        assertThat(answers).filteredOn(a -> a.contains("You approved MC-1")).hasSize(1);
        assertThat(answers)
                .filteredOn(a -> a.contains("was already approved by"))
                .hasSize(1);
        await().atMost(PATIENCE).until(() -> !creates().isEmpty());
        await().atMost(PATIENCE)
                .until(() -> discord.calls("edit").stream()
                        .anyMatch(edit -> edit.messageId().equals(card)
                                && !edit.embed().getString("title").contains("awaiting approval")));
        assertThat(creates()).hasSize(1);
    }

    // ---- steps

    /** {@code /masscast new} with media as options, the modal with the creator's lists, and the card the outbox posts. */
    private String composeAndAwaitCard(String text, int number) {
        String command = slash(
                ALICE_MEMBER,
                "new",
                Map.of(
                        Fields.MEDIA,
                        "https://cdn.example.com/1.jpg,https://cdn.example.com/2.jpg",
                        Fields.PREVIEW,
                        1L));
        DiscordEvents.Answer modal = events.awaitAnswer(command);
        assertThat(modal.how()).isEqualTo("modal");
        assertThat(modal.json().toString()).contains("VIP whales");
        var submit = events.modal(
                ALICE_MEMBER,
                modal.json().getString("custom_id"),
                Map.of(
                        Fields.TEXT,
                        text,
                        Fields.LISTS,
                        List.of("1187345"),
                        Fields.EXCLUDE,
                        List.of(),
                        Fields.PRICE,
                        "12.50",
                        Fields.AT,
                        ""));
        String submitted = events.last();
        ((DiscordListener) adapter.listener()).onModalInteraction(submit);
        answer(submitted, "MC-" + number + " is waiting for approval");
        await().atMost(PATIENCE)
                .until(() -> discord.calls("post").stream()
                        .anyMatch(post -> post.embed().getString("title").contains("MC-" + number + " ·")));
        return discord.calls("post").stream()
                .filter(post -> post.embed().getString("title").contains("MC-" + number + " ·"))
                .findFirst()
                .orElseThrow()
                .messageId();
    }

    private String button(String cardMessage, ActionId.Verb verb) {
        FakeDiscordChannels.Call posted = discord.calls("post").stream()
                .filter(p -> p.messageId().equals(cardMessage))
                .findFirst()
                .orElseThrow();
        return DiscordCardTest.buttons(posted.json()).stream()
                .filter(id -> ActionId.decode(id).map(a -> a.verb() == verb).orElse(false))
                .findFirst()
                .orElseThrow();
    }

    private String slash(net.dv8tion.jda.api.entities.Member member, String sub, Map<String, Object> options) {
        var event = events.slash(member, sub, options);
        String id = events.last();
        ((DiscordListener) adapter.listener()).onSlashCommandInteraction(event);
        return id;
    }

    private String click(net.dv8tion.jda.api.entities.Member member, String componentId) {
        var event = events.button(member, componentId);
        String id = events.last();
        ((DiscordListener) adapter.listener()).onButtonInteraction(event);
        return id;
    }

    private void answer(String interaction, String expected) {
        DiscordEvents.Answer answer = events.awaitAnswer(interaction);
        assertThat(answer.isPrivate()).isTrue();
        assertThat(answer.content()).contains(expected);
    }

    private List<RecordedRequest> creates() {
        return simulator.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().startsWith("/v2/access/mass-messages"))
                .toList();
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
