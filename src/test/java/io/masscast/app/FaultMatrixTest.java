package io.masscast.app;

import static io.masscast.app.Pipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.campaign.Mention;
import io.masscast.core.command.ActionId;
import io.masscast.core.command.Card;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.ofauth.OfAuthClientConfig;
import io.masscast.simulator.Fault;
import io.masscast.simulator.FaultKind;
import io.masscast.simulator.RateLimitPlan;
import io.masscast.simulator.RecordedRequest;
import io.masscast.simulator.SimulatorConfig;
import io.masscast.testing.MutableClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * OFAuth failing in every way the simulator can fail it — 429 storms, 5xx, answers slower than the client waits,
 * a create that is done and then hung up on, a truncated JSON answer, an expired connection — for a create, a
 * replace (the edit of a scheduled campaign), a delete (cancel) and reads (lists, vault). Each case ends in the
 * state the design gives it, the channel (or the person who asked) is told, and the simulator's request log
 * and its messages show that no create was ever repeated. The client waits 300 ms for an answer and retries
 * within milliseconds, so nothing here waits long; masscast's own clock is moved by hand.
 */
class FaultMatrixTest {
    private static final Actor BOB = Actor.of("bob", "Bob");
    private static final String MASS_MESSAGES = "/v2/access/mass-messages";
    private static final Duration CLIENT_TIMEOUT = Duration.ofMillis(300);
    private static final Duration PAST_THE_TIMEOUT = Duration.ofMillis(1_200);

    @TempDir
    Path folder;

    private MutableClock clock;
    private Pipeline pipeline;

    /**
     * The client of the tests: short timeouts, quick retries, a short pause after a 429 without a time, and a
     * bucket that refills within milliseconds after a 429 empties it.
     */
    static OfAuthClientConfig fastClient(OfAuthClientConfig config) {
        OfAuthClientConfig.RateLimit limit = config.rateLimit();
        return config.withTimeouts(
                        new OfAuthClientConfig.Timeouts(Duration.ofSeconds(2), CLIENT_TIMEOUT, Duration.ofSeconds(2)))
                .withRetry(new OfAuthClientConfig.Retry(
                        3, Duration.ofMillis(10), Duration.ofMillis(40), Duration.ofSeconds(5)))
                .withRateLimit(new OfAuthClientConfig.RateLimit(
                        1_000,
                        60_000,
                        Duration.ofMinutes(1),
                        2,
                        1,
                        limit.sendMaxWait(),
                        limit.interactiveMaxWait(),
                        limit.backgroundMaxWait(),
                        Duration.ofMillis(20)));
    }

    @BeforeEach
    void start() {
        clock = new MutableClock(Instant.now());
        // a 429 without Retry-After: the client's 20 ms default applies, so storms pass quickly
        pipeline = new Pipeline(
                folder,
                clock,
                SimulatorConfig.defaults()
                        .withPort(0)
                        .withRateLimit(new RateLimitPlan.Unlimited())
                        .withSendRetryAfter(false),
                FaultMatrixTest::fastClient);
    }

    @AfterEach
    void stop() {
        pipeline.close();
    }

    private Campaign campaign() {
        return pipeline.campaign(1);
    }

    private void approve() {
        pipeline.click(BOB, ActionId.Verb.APPROVE, campaign());
    }

    private List<String> notes() {
        return pipeline.channel.notes();
    }

    private Card card() {
        return pipeline.channel.cardOf("MC-1").orElseThrow();
    }

    private List<RecordedRequest> requests(String method) {
        return pipeline.requests(method, MASS_MESSAGES);
    }

    private List<Object> messageTexts() {
        return pipeline.createdMessages().stream()
                .map(message -> message.get("text"))
                .toList();
    }

    private void addFault(String method, String path, FaultKind kind, int status, long latencyMs, int times) {
        pipeline.simulator.faults().add(new Fault(method, path, kind, status, latencyMs, times));
    }

    /** Some time passes on masscast's clock, then one tick of every job. */
    private void later(Duration pause) {
        clock.advance(pause);
        pipeline.tick();
    }

    @Nested
    class Create {
        @BeforeEach
        void compose() {
            pipeline.run(ALICE, "new text=\"Fault matrix drop\" lists=fans");
        }

        @Test
        void aRateLimitStormPutsTheCampaignBackInTheQueueUntilOfAuthsTimeEachTimeAndThenSendsItOnce() {
            addFault("POST", MASS_MESSAGES, FaultKind.RATE_LIMIT_STORM, 0, 0, 4); // the creates, not the session probe
            approve();

            pipeline.tick();
            assertThat(campaign().state()).isEqualTo(CampaignState.APPROVED);
            assertThat(card().title()).endsWith("approved, sending to OFAuth");
            assertThat(card().fields().toString()).contains("OFAuth's rate limit was reached; trying again in 1 s");
            for (int attempt = 2; attempt <= 5; attempt++) {
                pipeline.tick();
                assertThat(requests("POST"))
                        .as("the time OFAuth asked for is honoured")
                        .hasSize(attempt - 1);
                later(Duration.ofSeconds(1));
                assertThat(requests("POST")).hasSize(attempt);
            }

            assertThat(campaign().state()).isIn(CampaignState.SENDING, CampaignState.SENT);
            assertThat(messageTexts()).containsExactly("Fault matrix drop");
        }

        @ParameterizedTest(name = "HTTP {0}")
        @ValueSource(ints = {500, 502, 503})
        void aServerErrorAfterTheRequestLeftIsInDoubtAndLeftToAPersonWithoutASecondPost(int status) {
            pipeline.simulator.faults().add(Fault.status("POST", MASS_MESSAGES, status));
            approve();

            pipeline.tick();
            assertThat(campaign().state()).isEqualTo(CampaignState.IN_DOUBT);
            assertThat(notes())
                    .contains(
                            "MC-1 may or may not have been sent: OFAuth answered with an error (HTTP " + status
                                    + ") after the request reached it. masscast is looking for it at OFAuth and will not send it again on its own.");

            later(Duration.ofMinutes(16));

            assertThat(campaign().state()).isEqualTo(CampaignState.IN_DOUBT);
            assertThat(notes()).anySatisfy(note -> assertThat(note).startsWith("masscast found no message like MC-1"));
            assertThat(card().title()).endsWith("outcome unknown, decision needed");
            later(Duration.ofMinutes(1));
            assertThat(requests("POST")).hasSize(1);
            assertThat(messageTexts()).isEmpty();
        }

        @Test
        void aProxyPageInsteadOfJsonIsAServerErrorToo() {
            pipeline.simulator.faults().add(Fault.nonJsonError("POST", MASS_MESSAGES, 502));
            approve();

            pipeline.tick();

            assertThat(campaign().state()).isEqualTo(CampaignState.IN_DOUBT);
            assertThat(requests("POST")).hasSize(1);
        }

        @Test
        void anAnswerSlowerThanTheClientWaitsIsInDoubtAndTheMessageIsFoundAndAdopted() {
            pipeline.simulator.faults().add(Fault.latency("POST", MASS_MESSAGES, PAST_THE_TIMEOUT));
            approve();

            pipeline.job("submitter").tick();
            assertThat(campaign().state()).isEqualTo(CampaignState.IN_DOUBT);
            pipeline.tick();

            assertAdoptedOnce("OFAuth did not answer in time");
        }

        @Test
        void aCreateDoneAndThenHungUpOnIsFoundAndAdopted() {
            pipeline.simulator.faults().add(Fault.dropAfterCreate());
            approve();

            pipeline.tick();

            assertAdoptedOnce("the connection to OFAuth broke before it answered");
        }

        @Test
        void aTruncatedAnswerIsInDoubtAndTheMessageIsFoundAndAdopted() {
            pipeline.simulator.faults().add(Fault.malformedJson("POST", MASS_MESSAGES));
            approve();

            pipeline.tick();

            assertAdoptedOnce("OFAuth answered, but its answer could not be read");
        }

        @Test
        void anExpiredConnectionHoldsTheCampaignAndSaysToReconnect() {
            pipeline.simulator.expireConnection("conn_demo");
            approve();

            pipeline.tick();
            pipeline.tick();

            assertThat(campaign().state()).as("it waits for the reconnect").isEqualTo(CampaignState.APPROVED);
            assertThat(pipeline.channel.messages())
                    .singleElement()
                    .asString()
                    .contains("OnlyFans session has expired", "holds approved sends", "OFAuth Link");
            assertThat(requests("POST"))
                    .as("the first probe found the session expired: nothing was tried")
                    .isEmpty();
            assertThat(messageTexts()).isEmpty();
        }

        private void assertAdoptedOnce(String reason) {
            Campaign adopted = campaign();
            assertThat(adopted.state()).isIn(CampaignState.SENDING, CampaignState.SENT);
            assertThat(notes())
                    .contains("MC-1 may or may not have been sent: " + reason
                            + ". masscast is looking for it at OFAuth and will not send it again on its own.");
            assertThat(notes())
                    .contains("Found at OFAuth: MC-1 was sent once (message "
                            + adopted.ofauthMessageId().orElseThrow() + ").");
            assertThat(requests("POST")).hasSize(1);
            assertThat(pipeline.createdMessages())
                    .singleElement()
                    .satisfies(message -> assertThat(((Number) message.get("id")).longValue())
                            .isEqualTo(adopted.ofauthMessageId().orElseThrow()));
        }
    }

    /** The edit of a scheduled campaign: approved again, it replaces the message OFAuth holds (PUT). */
    @Nested
    class Replace {
        private long messageId;

        @BeforeEach
        void scheduleAndEdit() {
            pipeline.run(ALICE, "new text=\"Weekend bundle\" lists=fans at=\"in 2h\"");
            approve();
            pipeline.tick();
            assertThat(campaign().state()).isEqualTo(CampaignState.SCHEDULED);
            messageId = campaign().ofauthMessageId().orElseThrow();
            pipeline.run(ALICE, "edit MC-1 text=\"Weekend bundle, now 20% off\"");
            approve();
        }

        private void assertReplacedOnce(int puts) {
            assertThat(campaign().state()).isEqualTo(CampaignState.SCHEDULED);
            assertThat(campaign().ofauthMessageId()).contains(messageId);
            assertThat(card().title()).contains("scheduled");
            assertThat(requests("POST")).as("an edit never creates").hasSize(1);
            assertThat(requests("PUT")).hasSize(puts);
            assertThat(messageTexts()).containsExactly("Weekend bundle, now 20% off");
        }

        @Test
        void aRateLimitStormLongerThanTheRetriesIsTriedAgainLater() {
            pipeline.simulator.faults().add(Fault.rateLimitStorm(3));

            pipeline.tick();
            assertThat(campaign().state()).isEqualTo(CampaignState.APPROVED);
            assertThat(card().fields().toString()).contains("OFAuth's rate limit was reached");

            later(Duration.ofSeconds(2));

            assertReplacedOnce(4);
        }

        @Test
        void aServerErrorIsRetriedAtOnceBecauseAReplaceIsSafeToRepeat() {
            pipeline.simulator.faults().add(Fault.status("PUT", MASS_MESSAGES + "/*", 503));

            pipeline.tick();

            assertReplacedOnce(2);
        }

        @Test
        void serverErrorsBeyondTheRetriesSendTheEditAgainLaterNeverInDoubt() {
            addFault("PUT", MASS_MESSAGES + "/*", FaultKind.STATUS, 502, 0, 3);

            pipeline.tick();
            assertThat(campaign().state()).isEqualTo(CampaignState.APPROVED);
            assertThat(card().fields().toString())
                    .contains("sending the edit again in 30 s (an edit is safe to repeat)");

            later(Duration.ofSeconds(31));

            assertReplacedOnce(4);
        }

        @Test
        void anAnswerSlowerThanTheClientWaitsIsSentAgainAndReplacesOnce() {
            pipeline.simulator.faults().add(Fault.latency("PUT", MASS_MESSAGES + "/*", PAST_THE_TIMEOUT));

            pipeline.tick();

            assertReplacedOnce(2);
        }

        @Test
        void aReplaceDoneAndThenHungUpOnIsSentAgain() {
            addFault("PUT", MASS_MESSAGES + "/*", FaultKind.DROP_AFTER_CREATE, 0, 0, 1);

            pipeline.tick();

            assertReplacedOnce(2);
        }

        @Test
        void aTruncatedAnswerToAReplaceIsSentAgainLater() {
            pipeline.simulator.faults().add(Fault.malformedJson("PUT", MASS_MESSAGES + "/*"));

            pipeline.tick();
            assertThat(campaign().state()).isEqualTo(CampaignState.APPROVED);

            later(Duration.ofSeconds(31));

            assertReplacedOnce(2);
        }

        @Test
        void anEditOfAMessageOfAuthNoLongerHasFailsWithoutClaimingTheEarlierVersionIsStillScheduled() {
            pipeline.simulator.faults().add(Fault.status("PUT", MASS_MESSAGES + "/*", 404));

            pipeline.tick();

            assertThat(campaign().state()).isEqualTo(CampaignState.FAILED);
            assertThat(notes())
                    .contains("OFAuth refused the edit of MC-1: OFAuth no longer has the scheduled message: it"
                            + " may have gone out already or been deleted in OnlyFans.");
            assertThat(notes()).noneSatisfy(note -> assertThat(note).contains("still scheduled"));
        }

        @Test
        void anExpiredConnectionHoldsTheEditAndTheEarlierVersionStaysScheduled() {
            pipeline.simulator.expireConnection("conn_demo");

            pipeline.tick();
            pipeline.tick();

            assertThat(campaign().state())
                    .as("the edit waits for the reconnect")
                    .isEqualTo(CampaignState.APPROVED);
            assertThat(pipeline.channel.messages()).singleElement().asString().contains("OnlyFans session has expired");
            assertThat(messageTexts()).containsExactly("Weekend bundle");
        }
    }

    /** Cancelling a scheduled campaign deletes its message at OFAuth; masscast changes only what OFAuth confirmed. */
    @Nested
    class Delete {
        @BeforeEach
        void schedule() {
            pipeline.run(ALICE, "new text=\"Cancel me\" lists=fans at=\"in 2h\"");
            approve();
            pipeline.tick();
            assertThat(campaign().state()).isEqualTo(CampaignState.SCHEDULED);
        }

        private String cancel() {
            return ((Reply.Text) pipeline.run(ALICE, "cancel MC-1")).text();
        }

        private Object stateAtOfAuth() {
            return pipeline.createdMessages().get(0).get("state");
        }

        @Test
        void aRateLimitStormLongerThanTheRetriesChangesNothingAndSaysSo() {
            pipeline.simulator.faults().add(Fault.rateLimitStorm(3));

            String reply = cancel();

            assertThat(reply)
                    .startsWith("OFAuth did not cancel MC-1: delete mass message")
                    .contains("rate limit")
                    .endsWith("Nothing changed in masscast; check the message in OnlyFans or try again.");
            assertThat(campaign().state()).isEqualTo(CampaignState.SCHEDULED);
            assertThat(stateAtOfAuth()).isEqualTo("SCHEDULED");

            cancel();
            pipeline.tick();
            assertThat(campaign().state()).isEqualTo(CampaignState.CANCELLED);
            assertThat(stateAtOfAuth()).isEqualTo("CANCELED");
            assertThat(notes()).contains("Cancelled by " + Mention.of("alice") + ".");
        }

        @Test
        void aServerErrorIsRetriedAndTheCancelGoesThrough() {
            pipeline.simulator.faults().add(Fault.status("DELETE", MASS_MESSAGES + "/*", 500));

            cancel();

            assertThat(campaign().state()).isEqualTo(CampaignState.CANCELLED);
            assertThat(requests("DELETE")).hasSize(2);
            assertThat(stateAtOfAuth()).isEqualTo("CANCELED");
        }

        @Test
        void aCancelWhoseAnswerWasLostIsNotClaimedButTheRequesterLearnsOfAuthMayHaveDoneIt() {
            pipeline.simulator.faults().add(Fault.latency("DELETE", MASS_MESSAGES + "/*", PAST_THE_TIMEOUT));

            String reply = cancel();

            assertThat(stateAtOfAuth()).isEqualTo("CANCELED");
            assertThat(requests("DELETE")).hasSize(2);
            assertThat(reply)
                    .startsWith("OFAuth did not cancel MC-1:")
                    .contains("an earlier attempt's answer was lost, so OFAuth may have done it already");
            assertThat(campaign().state())
                    .as("masscast does not claim what OFAuth did not confirm")
                    .isEqualTo(CampaignState.SCHEDULED);
        }

        @Test
        void aTruncatedAnswerToADeleteStillMeansItWasDeleted() {
            pipeline.simulator.faults().add(Fault.malformedJson("DELETE", MASS_MESSAGES + "/*"));

            cancel();

            assertThat(campaign().state()).isEqualTo(CampaignState.CANCELLED);
            assertThat(requests("DELETE")).hasSize(1);
            assertThat(stateAtOfAuth()).isEqualTo("CANCELED");
        }

        @Test
        void anExpiredConnectionChangesNothingAndSaysToReconnect() {
            pipeline.simulator.expireConnection("conn_demo");

            String reply = cancel();

            assertThat(reply).contains("session has expired or is missing; reconnect the account via OFAuth Link");
            assertThat(campaign().state()).isEqualTo(CampaignState.SCHEDULED);
            assertThat(stateAtOfAuth()).isEqualTo("SCHEDULED");
        }
    }

    /** Reads answer the person who asked; nothing is stored, nothing is sent. */
    @Nested
    class Reads {
        private String ask(String command) {
            return ((Reply.Text) pipeline.run(ALICE, command)).text();
        }

        @Test
        void aRateLimitStormAnswersThatOfAuthCouldNotAnswerAndTheNextTryWorks() {
            pipeline.simulator.faults().add(Fault.rateLimitStorm(3));

            assertThat(ask("lists"))
                    .startsWith("OFAuth could not answer: list user lists: OFAuth's rate limit was reached")
                    .endsWith("Nothing changed; try again shortly.");
            assertThat(ask("lists")).contains("VIP whales");
        }

        @Test
        void serverErrorsAndSlowAnswersAreRetriedAndThenReported() {
            addFault("GET", "/v2/access/vault/media", FaultKind.STATUS, 503, 0, 1);
            addFault("GET", "/v2/access/vault/media", FaultKind.LATENCY, 0, PAST_THE_TIMEOUT.toMillis(), 1);
            assertThat(ask("vault")).doesNotStartWith("OFAuth could not answer");

            addFault("GET", "/v2/access/vault/media", FaultKind.LATENCY, 0, PAST_THE_TIMEOUT.toMillis(), 3);
            assertThat(ask("vault"))
                    .startsWith("OFAuth could not answer: list vault media: the connection failed after"
                            + " the request was sent");
            assertThat(pipeline.requests("GET", "/v2/access/vault/media"))
                    .as("503, slow, answered; three slow")
                    .hasSize(6);
        }

        @Test
        void aTruncatedAnswerIsReportedAsUnreadable() {
            pipeline.simulator.faults().add(Fault.malformedJson("GET", "/v2/access/vault/media"));

            assertThat(ask("vault"))
                    .startsWith("OFAuth could not answer: list vault media: OFAuth's answer could not be read");
        }

        @Test
        void anExpiredConnectionSaysToReconnect() {
            pipeline.simulator.expireConnection("conn_demo");

            assertThat(ask("lists"))
                    .contains("the creator's OFAuth session has expired or is missing; reconnect the account"
                            + " via OFAuth Link");
            assertThat(ask("vault")).contains("reconnect the account via OFAuth Link");
            assertThat(pipeline.createdMessages()).isEmpty();
        }
    }

    @Test
    void noFaultEverLedToASecondCreateOfOneCampaign() {
        pipeline.run(ALICE, "new text=\"One of each\" lists=fans");
        addFault("POST", MASS_MESSAGES, FaultKind.RATE_LIMIT_STORM, 0, 0, 2); // the creates, not the session probe
        pipeline.simulator.faults().add(Fault.status("POST", MASS_MESSAGES, 503));
        approve();

        for (int i = 0; i < 5; i++) {
            later(Duration.ofMinutes(5));
        }

        List<Map<String, Object>> created = pipeline.createdMessages();
        assertThat(created).isEmpty();
        assertThat(requests("POST"))
                .as("429, 429, then 503: in doubt, never again")
                .hasSize(3);
        assertThat(campaign().state()).isEqualTo(CampaignState.IN_DOUBT);
    }
}
