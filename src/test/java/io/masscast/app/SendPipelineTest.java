package io.masscast.app;

import static io.masscast.app.Pipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.masscast.core.campaign.Mention;
import io.masscast.core.command.ActionId;
import io.masscast.core.command.Card;
import io.masscast.core.command.CardAction;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.simulator.Fault;
import io.masscast.testing.MutableClock;
import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The send pipeline against the OFAuth simulator: exactly one POST per approved campaign, whatever happens. */
class SendPipelineTest {
    private static final Actor BOB = Actor.of("bob", "Bob");
    private static final List<Actor> APPROVERS = List.of(
            BOB,
            Actor.of("carol", "Carol"),
            Actor.of("dave", "Dave"),
            Actor.of("erin", "Erin"),
            Actor.of("frank", "Frank"));

    @TempDir
    Path folder;

    private static Map<String, Object> json(String body) throws IOException {
        Type type = Types.newParameterizedType(Map.class, String.class, Object.class);
        return new Moshi.Builder().build().<Map<String, Object>>adapter(type).fromJson(body);
    }

    @Test
    void anApprovedCampaignIsPostedOnceWithExactlyTheExpectedJsonAndItsCardEndsSent() throws IOException {
        MutableClock clock = new MutableClock(Instant.now());
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            pipeline.run(
                    ALICE,
                    "new text=\"New set is up 🔥\" lists=\"VIP whales\",fans exclude=\"Do not PPV\" "
                            + "media=https://cdn.example.com/set1.jpg,https://cdn.example.com/set2.jpg preview=1 price=12.50 locked=yes");
            Campaign composed = pipeline.campaign(1);

            Reply own = pipeline.click(ALICE, ActionId.Verb.APPROVE, composed);
            assertThat(((Reply.Text) own).text()).contains("doesn't allow approving your own campaigns");
            pipeline.tick();
            assertThat(pipeline.creates()).isEmpty();

            pipeline.click(BOB, ActionId.Verb.APPROVE, composed);
            pipeline.tick();

            assertThat(pipeline.creates()).singleElement().satisfies(post -> {
                assertThat(post.connectionId()).isEqualTo("conn_demo");
                assertThat(json(post.body())).isEqualTo(json("""
                        {"text": "New set is up 🔥", "isMarkdown": true, "isLockedText": true,
                         "mediaItems": ["https://cdn.example.com/set1.jpg", "https://cdn.example.com/set2.jpg"],
                         "previewMediaCount": 1, "price": 12.5,
                         "userLists": [1187345, "fans"], "excludeUserLists": [1190022]}"""));
            });

            pipeline.simulator.clock().advance(Duration.ofSeconds(30));
            clock.advance(Duration.ofSeconds(30)); // the next stats poll of the creator is due
            pipeline.tick();

            assertThat(pipeline.state(1)).isEqualTo(CampaignState.SENT);
            Card card = pipeline.channel.cardOf("MC-1").orElseThrow();
            assertThat(card.title()).isEqualTo("MC-1 · PPV $12.50 for Mila Rose — sent");
            assertThat(card.field("Approvals").orElseThrow().value()).isEqualTo("1 of 1: " + Mention.of("bob"));
            assertThat(card.actions())
                    .extracting(CardAction::label)
                    .singleElement()
                    .asString()
                    .startsWith("Unsend (until ");
            assertThat(pipeline.channel.posted()).isEqualTo(1);
            assertThat(pipeline.creates()).hasSize(1);
        }
    }

    @Test
    void twoHundredCampaignsEachApprovedByFiveConcurrentClicksMakeExactlyTwoHundredPosts() throws Exception {
        int campaigns = 200;
        try (Pipeline pipeline = new Pipeline(folder, Clock.systemUTC())) {
            List<Campaign> composed = new ArrayList<>();
            for (int i = 1; i <= campaigns; i++) {
                pipeline.run(ALICE, "new text=\"Drop number " + i + "\" lists=fans");
                composed.add(pipeline.campaign(i));
            }
            ExecutorService clickers = Executors.newFixedThreadPool(16);
            CountDownLatch start = new CountDownLatch(1);
            AtomicBoolean clicking = new AtomicBoolean(true);
            Thread submitter = new Thread(() -> {
                while (clicking.get()) {
                    pipeline.job("submitter").tick();
                }
            });
            List<Future<Reply>> clicks = new ArrayList<>();
            for (Campaign campaign : composed) {
                for (Actor approver : APPROVERS) {
                    clicks.add(clickers.submit(() -> {
                        start.await();
                        return pipeline.click(approver, ActionId.Verb.APPROVE, campaign);
                    }));
                }
            }
            submitter.start();
            start.countDown();
            List<String> answers = new ArrayList<>();
            for (Future<Reply> click : clicks) {
                answers.add(((Reply.Text) click.get(60, TimeUnit.SECONDS)).text());
            }
            clicking.set(false);
            submitter.join();
            clickers.shutdown();
            pipeline.tickUntilSubmitted();

            assertThat(answers.stream().filter(a -> a.startsWith("You approved")))
                    .hasSize(campaigns);
            assertThat(answers.stream().filter(a -> a.contains("was already approved by ⟦@")))
                    .hasSize(4 * campaigns);
            assertThat(pipeline.creates()).hasSize(campaigns);
            assertThat(pipeline.creates().stream().map(r -> r.body()).distinct())
                    .hasSize(campaigns);
            for (int i = 1; i <= campaigns; i++) {
                assertThat(pipeline.state(i)).isIn(CampaignState.SENDING, CampaignState.SENT);
            }
        }
    }

    @Test
    void aCrashAfterTheClaimAndBeforeThePostSendsOnceAfterTheLeaseExpires() {
        MutableClock clock = new MutableClock(Instant.now());
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            pipeline.run(ALICE, "new text=\"Crash test\" lists=fans");
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
            pipeline.wiring.submissions().claim(pipeline.campaign(1).id(), "replica-that-dies", Duration.ofMinutes(3));

            pipeline.tick();
            assertThat(pipeline.state(1)).isEqualTo(CampaignState.SUBMITTING);
            assertThat(pipeline.creates()).isEmpty();

            clock.advance(Duration.ofMinutes(4));
            pipeline.tick();
            pipeline.tick();

            assertThat(pipeline.creates()).hasSize(1);
            assertThat(pipeline.state(1)).isIn(CampaignState.SENDING, CampaignState.SENT);
        }
    }

    @Test
    void aCrashAfterTheRequestLeftIsInDoubtAndLeftToAPersonWithoutASecondPost() {
        MutableClock clock = new MutableClock(Instant.now());
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            pipeline.run(ALICE, "new text=\"Left but unanswered\" lists=fans");
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
            long id = pipeline.campaign(1).id();
            pipeline.wiring.submissions().claim(id, "replica-that-dies", Duration.ofMinutes(3));
            pipeline.wiring.submissions().markRequestStarted(id, "replica-that-dies", Duration.ofMinutes(3));

            clock.advance(Duration.ofMinutes(4));
            pipeline.tick();
            pipeline.tick();

            assertThat(pipeline.state(1)).isEqualTo(CampaignState.IN_DOUBT);
            assertThat(pipeline.creates()).isEmpty();
            Card card = pipeline.channel.cardOf("MC-1").orElseThrow();
            assertThat(card.actions()).extracting(CardAction::label).containsExactly("Mark as sent", "Send again");
            assertThat(pipeline.channel.notes())
                    .anySatisfy(note -> assertThat(note)
                            .contains("MC-1 may or may not have been sent")
                            .contains("will not send it again on its own"));

            pipeline.click(BOB, ActionId.Verb.SEND_AGAIN, pipeline.campaign(1));
            pipeline.tick();

            assertThat(pipeline.creates()).hasSize(1);
        }
    }

    @Test
    void aMessageCreatedBeforeTheConnectionDroppedIsFoundAndAdoptedWithoutASecondPost() {
        try (Pipeline pipeline = new Pipeline(folder, Clock.systemUTC())) {
            pipeline.simulator.faults().add(Fault.dropAfterCreate());
            pipeline.run(ALICE, "new text=\"Dropped on the way back\" lists=fans");
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));

            pipeline.job("submitter").tick();
            assertThat(pipeline.state(1)).isEqualTo(CampaignState.IN_DOUBT);

            pipeline.tick();

            assertThat(pipeline.creates()).hasSize(1);
            Campaign adopted = pipeline.campaign(1);
            assertThat(adopted.state()).isIn(CampaignState.SENDING, CampaignState.SENT);
            assertThat(adopted.ofauthMessageId()).isPresent();
            assertThat(pipeline.channel.notes())
                    .anySatisfy(note -> assertThat(note).contains("Found at OFAuth"));
        }
    }

    @Test
    void aRefusalByOfAuthFailsTheCampaignWithOfAuthsReason() {
        try (Pipeline pipeline = new Pipeline(folder, Clock.systemUTC())) {
            pipeline.simulator.faults().add(Fault.status("POST", "/v2/access/mass-messages", 400));
            pipeline.run(ALICE, "new text=\"Refused\" lists=fans");
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));

            pipeline.tick();

            assertThat(pipeline.state(1)).isEqualTo(CampaignState.FAILED);
            assertThat(pipeline.creates()).hasSize(1);
            assertThat(pipeline.channel.notes())
                    .anySatisfy(note -> assertThat(note).startsWith("OFAuth refused MC-1:"));
        }
    }

    @Test
    void aServerErrorAfterThePostLeftIsInDoubtAndNotRetried() {
        try (Pipeline pipeline = new Pipeline(folder, Clock.systemUTC())) {
            pipeline.simulator.faults().add(Fault.status("POST", "/v2/access/mass-messages", 502));
            pipeline.run(ALICE, "new text=\"Proxy error\" lists=fans");
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));

            pipeline.tick();
            pipeline.tick();

            assertThat(pipeline.state(1)).isEqualTo(CampaignState.IN_DOUBT);
            assertThat(pipeline.creates()).hasSize(1);
        }
    }

    @Test
    void aFailedCreateNeverAdoptsTheMessageOfAnotherCampaignWithTheSameText() {
        MutableClock clock = new MutableClock(Instant.now());
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            pipeline.run(ALICE, "new text=\"Same words, two audiences\" lists=fans");
            pipeline.run(
                    ALICE,
                    "new text=\"Same words, two audiences\" lists=\"VIP whales\" confirm=yes"); // a twin on purpose
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
            pipeline.tick();
            long first = pipeline.campaign(1).ofauthMessageId().orElseThrow();

            pipeline.simulator.faults().add(Fault.status("POST", "/v2/access/mass-messages", 503));
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(2));
            pipeline.tick();
            pipeline.tick();
            clock.advance(Duration.ofMinutes(16));
            pipeline.tick();

            Campaign second = pipeline.campaign(2);
            assertThat(second.state()).isEqualTo(CampaignState.IN_DOUBT);
            assertThat(second.ofauthMessageId())
                    .as("MC-1's message is not MC-2's")
                    .isEmpty();
            assertThat(pipeline.campaign(1).ofauthMessageId()).contains(first);
            assertThat(pipeline.channel.notes())
                    .anySatisfy(note -> assertThat(note)
                            .startsWith("masscast found no message like MC-2 in OFAuth's sent messages"));
            assertThat(pipeline.channel.cardOf("MC-2").orElseThrow().actions())
                    .extracting(CardAction::label)
                    .containsExactly("Mark as sent", "Send again");
            assertThat(pipeline.creates()).hasSize(2);
        }
    }
}
