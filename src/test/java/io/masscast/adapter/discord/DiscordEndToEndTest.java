package io.masscast.adapter.discord;

import static io.masscast.adapter.discord.DiscordTestBed.ALICE_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.DAVE_MEMBER;
import static io.masscast.adapter.discord.DiscordTestBed.ERIN_MEMBER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.masscast.core.command.ActionId;
import io.masscast.core.policy.Fields;
import io.masscast.simulator.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    private static final Duration PATIENCE = MasscastWithDiscord.PATIENCE;

    @TempDir
    Path folder;

    private MasscastWithDiscord app;
    private FakeDiscordChannels discord;
    private DiscordEvents events;

    @BeforeEach
    void start() {
        app = MasscastWithDiscord.bound(folder);
        discord = app.discord;
        events = app.events;
    }

    @AfterEach
    void stop() {
        app.close();
    }

    @Test
    void composedInDiscordApprovedByTheRoleSentOnceAndTheCardEditedInPlace() {
        String card = composeAndAwaitCard("New set is up 🔥", 1);
        String approve = button(card, ActionId.Verb.APPROVE);

        app.answered(app.click(ERIN_MEMBER, approve), "Approve MC-1?");
        app.answered(app.click(ERIN_MEMBER, DiscordReplies.CONFIRM + approve), "You are not an approver");
        app.answered(app.click(ALICE_MEMBER, DiscordReplies.CONFIRM + approve), "You requested MC-1");
        assertThat(app.creates()).isEmpty();

        app.answered(app.click(DAVE_MEMBER, DiscordReplies.CONFIRM + approve), "You approved MC-1");

        await().atMost(PATIENCE).until(() -> !app.creates().isEmpty());
        RecordedRequest create = app.creates().get(0);
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
        assertThat(app.creates()).hasSize(1);
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
        DiscordListener listener = app.listener();
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
        await().atMost(PATIENCE).until(() -> !app.creates().isEmpty());
        await().atMost(PATIENCE)
                .until(() -> discord.calls("edit").stream()
                        .anyMatch(edit -> edit.messageId().equals(card)
                                && !edit.embed().getString("title").contains("awaiting approval")));
        assertThat(app.creates()).hasSize(1);
    }

    // ---- steps

    /** {@code /masscast new} with media as options, the modal with the creator's lists, and the card the outbox posts. */
    private String composeAndAwaitCard(String text, int number) {
        String command = app.slash(
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
        String submitted = app.submit(
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
        app.answered(submitted, "MC-" + number + " is waiting for approval");
        return app.awaitPostedCard("MC-" + number).messageId();
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

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
