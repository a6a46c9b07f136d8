package io.masscast.app;

import static io.masscast.app.Pipeline.ALICE;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.command.ActionId;
import io.masscast.core.command.Card;
import io.masscast.core.command.CardAction;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.StatsSnapshot;
import io.masscast.simulator.Fault;
import io.masscast.simulator.FaultKind;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RecordedRequest;
import io.masscast.testing.MutableClock;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stats poller against the OFAuth simulator: cards follow delivery and purchases, edited in place and
 * only when a number changed; buyers reach the thread in batches, each once; sends keep priority over polls.
 * Both clocks (masscast's and the simulator's) are moved by hand; the jobs are ticked by hand.
 */
class StatsPipelineTest {
    private static final Actor BOB = Actor.of("bob", "Bob");
    private static final Pattern BUYERS_NOTE =
            Pattern.compile("^\\+(\\d+) buyers?: .* · \\+\\$[\\d,.]+ · total [\\d,]+ / \\$[\\d,.]+$");
    private static final String SENT_ANALYTICS = "/v2/access/analytics/mass-messages/sent";

    @TempDir
    Path folder;

    private final MutableClock clock = new MutableClock(Instant.now());

    private static Campaign sendPpv(Pipeline pipeline, String text) {
        pipeline.run(ALICE, "new text=\"" + text + "\" lists=fans media=https://cdn.example.com/set.jpg price=12.50");
        Campaign composed = lastCampaign(pipeline);
        pipeline.click(BOB, ActionId.Verb.APPROVE, composed);
        pipeline.tick();
        return pipeline.campaign(composed.number());
    }

    private static Campaign lastCampaign(Pipeline pipeline) {
        Campaign campaign = null;
        for (int number = 1; ; number++) {
            try {
                campaign = pipeline.campaign(number);
            } catch (java.util.NoSuchElementException end) {
                return campaign;
            }
        }
    }

    private static String field(Card card, String label) {
        return card.field(label)
                .orElseThrow(() -> new AssertionError("no field " + label + " on " + card))
                .value();
    }

    private static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(value);
    }

    /** What {@code buyers} purchases of a $12.50 message bring: {@code $1,212.50}. */
    private static String dollars(long buyers) {
        return String.format(Locale.US, "$%,.2f", new BigDecimal("12.50").multiply(BigDecimal.valueOf(buyers)));
    }

    private static List<RecordedRequest> analyticsReads(Pipeline pipeline) {
        return pipeline.requests("GET", SENT_ANALYTICS);
    }

    @Test
    void aSendsCardGoesFromSendingToItsFinalNumbersEditedInPlace() {
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            Campaign campaign = sendPpv(pipeline, "Live numbers");
            long messageId = campaign.ofauthMessageId().orElseThrow();

            Card sending = pipeline.channel.cardOf("MC-1").orElseThrow();
            assertThat(sending.title()).endsWith("— sending");
            long audience = SimulatorMessages.count(pipeline.simulator, messageId, "audienceSize");
            assertThat(field(sending, "Sent")).endsWith(" of " + count(audience));

            pipeline.advance(clock, Duration.ofSeconds(6)); // delivery (5 s) is complete and the next poll is due
            pipeline.tick();
            Card sent = pipeline.channel.cardOf("MC-1").orElseThrow();
            assertThat(sent.title()).endsWith("— sent");
            assertThat(field(sent, "Sent")).isEqualTo(count(audience));
            long viewed = SimulatorMessages.count(pipeline.simulator, messageId, "viewedCount");
            assertThat(field(sent, "Viewed"))
                    .isEqualTo(
                            count(viewed) + String.format(Locale.US, " · %.1f %% of sent", 100.0 * viewed / audience));
            assertThat(sent.actions())
                    .extracting(CardAction::label)
                    .singleElement()
                    .asString()
                    .startsWith("Unsend (until ");

            for (int minute = 1; minute <= 11; minute++) { // purchases arrive for 5 min; the unsend window closes at 10
                pipeline.advance(clock, Duration.ofMinutes(1));
                pipeline.tick();
            }

            long bought = SimulatorMessages.count(pipeline.simulator, messageId, "purchasedCount");
            assertThat(bought).isPositive();
            Card last = pipeline.channel.cardOf("MC-1").orElseThrow();
            assertThat(field(last, "Bought"))
                    .isEqualTo(
                            count(bought) + String.format(Locale.US, " · %.1f %% of sent", 100.0 * bought / audience));
            assertThat(field(last, "Revenue")).isEqualTo(dollars(bought) + " (purchases × price)");
            assertThat(field(last, "As of")).endsWith(" Europe/Berlin");
            assertThat(last.actions()).as("the unsend window has closed").isEmpty();
            assertThat(pipeline.channel.posted())
                    .as("one card, edited in place")
                    .isEqualTo(1);
            assertThat(pipeline.channel.edits()).isGreaterThanOrEqualTo(4);

            List<StatsSnapshot> snapshots = pipeline.wiring.stats().snapshots(campaign.id());
            assertThat(snapshots.get(snapshots.size() - 1).figures().purchased())
                    .isEqualTo(bought);
            assertThat(snapshots)
                    .as("a snapshot only when a number changed")
                    .doesNotHaveDuplicates()
                    .extracting(s -> s.figures().purchased())
                    .isSorted();
        }
    }

    @Test
    void aCycleWithNoChangeEditsNothing() {
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            Campaign campaign = sendPpv(pipeline, "Quiet afterwards");
            for (int minute = 1; minute <= 12; minute++) {
                pipeline.advance(clock, Duration.ofMinutes(1));
                pipeline.tick();
            }
            int edits = pipeline.channel.edits();
            int reads = analyticsReads(pipeline).size();
            int snapshots = pipeline.wiring.stats().snapshots(campaign.id()).size();
            int notes = pipeline.channel.notes().size();

            pipeline.advance(clock, Duration.ofSeconds(6));
            pipeline.tick();

            assertThat(analyticsReads(pipeline)).as("the poll ran").hasSize(reads + 1);
            assertThat(pipeline.channel.edits())
                    .as("nothing changed, so nothing was edited")
                    .isEqualTo(edits);
            assertThat(pipeline.wiring.stats().snapshots(campaign.id())).hasSize(snapshots);
            assertThat(pipeline.channel.notes()).hasSize(notes);
            assertThat(pipeline.wiring.idle()).isTrue();
        }
    }

    /** Issue 8: with more than 100 sent in a short window, the tracker read only the newest 100. */
    @Test
    void oneHundredFiftyApprovedAtOnceAllEndSent() {
        int campaigns = 150;
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            for (int i = 1; i <= campaigns; i++) { // sent one a second, before anything polls
                pipeline.run(ALICE, "new text=\"Drop " + i + "\" lists=fans");
                pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(i));
                pipeline.job("submitter").tick();
                pipeline.advance(clock, Duration.ofSeconds(1));
            }
            assertThat(pipeline.creates()).hasSize(campaigns);

            pipeline.advance(clock, Duration.ofSeconds(6));
            pipeline.tick();

            for (int i = 1; i <= campaigns; i++) {
                assertThat(pipeline.state(i)).as("MC-" + i).isEqualTo(CampaignState.SENT);
            }
        }
    }

    /** Issue 8: a campaign counted as sent as soon as OFAuth reported one delivered fan. */
    @Test
    void aCampaignStaysSendingUntilOfAuthHasDeliveredToItsWholeAudience() {
        try (Pipeline pipeline = new Pipeline(
                folder, clock, Pipeline.unlimitedSimulator().withDeliveryDuration(Duration.ofSeconds(60)))) {
            pipeline.run(ALICE, "new text=\"Slow delivery\" lists=fans");
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
            pipeline.tick();
            long messageId = pipeline.campaign(1).ofauthMessageId().orElseThrow();

            pipeline.advance(clock, Duration.ofSeconds(20));
            pipeline.tick();
            long audience = SimulatorMessages.count(pipeline.simulator, messageId, "audienceSize");
            String sent = field(pipeline.channel.cardOf("MC-1").orElseThrow(), "Sent");
            assertThat(sent).endsWith(" of " + count(audience));
            long shown = Long.parseLong(sent.substring(0, sent.indexOf(" of ")).replace(",", ""));
            assertThat(shown).as("a third of the audience has it").isPositive().isLessThan(audience);
            assertThat(pipeline.state(1)).isEqualTo(CampaignState.SENDING);

            pipeline.advance(clock, Duration.ofSeconds(45));
            pipeline.tick();
            assertThat(pipeline.state(1)).isEqualTo(CampaignState.SENT);
        }
    }

    @Test
    void buyersReachTheThreadInBatchesEachExactlyOnceAcrossARestart() {
        OfAuthSimulator simulator = OfAuthSimulator.start(Pipeline.unlimitedSimulator());
        List<String> notes = new ArrayList<>();
        long messageId;
        try {
            try (Pipeline first = new Pipeline(folder, clock, simulator, Map.of())) {
                messageId = sendPpv(first, "Buyers please").ofauthMessageId().orElseThrow();
                first.advance(clock, Duration.ofMinutes(1));
                first.tick();
                assertThat(buyerNotes(first.channel.notes()))
                        .as("the first buyers are announced at once")
                        .hasSize(1);
                for (int minute = 2; minute <= 4; minute++) {
                    first.advance(clock, Duration.ofMinutes(1));
                    first.tick();
                }
                assertThat(buyerNotes(first.channel.notes()))
                        .as("at most one note per 5 minutes")
                        .hasSize(1);
                notes.addAll(buyerNotes(first.channel.notes()));
            } // masscast stops between two cycles

            try (Pipeline second = new Pipeline(folder, clock, simulator, Map.of())) {
                for (int minute = 5; minute <= 16; minute++) {
                    second.advance(clock, Duration.ofMinutes(1));
                    second.tick();
                }
                notes.addAll(buyerNotes(second.channel.notes()));
                long bought = SimulatorMessages.count(simulator, messageId, "purchasedCount");

                assertThat(notes.stream().mapToLong(StatsPipelineTest::buyersIn).sum())
                        .as("every buyer announced exactly once")
                        .isEqualTo(bought);
                assertThat(notes).hasSizeBetween(2, 4);
                assertThat(notes.get(notes.size() - 1)).endsWith("total " + count(bought) + " / " + dollars(bought));
                long campaignId = second.campaign(1).id();
                long stored = second.wiring
                        .database()
                        .inTransaction(stores -> stores.stats().buyerCount(campaignId));
                assertThat(stored).isEqualTo(bought);
            }
        } finally {
            simulator.close();
        }
    }

    @Test
    void aCampaignWithMoreNewBuyersThanOneCycleReadsGoesOnWhereItStoppedNextCycle() {
        try (Pipeline pipeline =
                new Pipeline(folder, clock, Pipeline.unlimitedSimulator().withFansPerConnection(20_000))) {
            long messageId = sendPpv(pipeline, "Big audience").ofauthMessageId().orElseThrow();
            pipeline.advance(clock, Duration.ofMinutes(6)); // every purchase is in: far more than ten pages of buyers
            long bought = SimulatorMessages.count(pipeline.simulator, messageId, "purchasedCount");
            assertThat(bought).isGreaterThan(3 * 200);
            List<Integer> pagesPerCycle = new ArrayList<>();
            for (int cycle = 0; cycle < 6; cycle++) {
                pipeline.simulator.clearRequests();
                pipeline.advance(clock, Duration.ofSeconds(6));
                pipeline.tick();
                pagesPerCycle.add(
                        pipeline.requests("GET", "/v2/access/analytics/mass-messages/" + messageId + "/buyers")
                                .size());
            }

            long campaignId = pipeline.campaign(1).id();
            long stored = pipeline.wiring
                    .database()
                    .inTransaction(stores -> stores.stats().buyerCount(campaignId));
            assertThat(stored).as("every buyer, each once").isEqualTo(bought);
            assertThat(pagesPerCycle)
                    .allMatch(pages -> pages <= 10)
                    .startsWith(10, 10, 10)
                    .endsWith(0);
            long continued =
                    pagesPerCycle.stream().skip(1).filter(pages -> pages > 0).count();
            assertThat(pagesPerCycle.stream().mapToInt(Integer::intValue).sum())
                    .as("each page of buyers once, plus one front page per later cycle to look for newer ones")
                    .isEqualTo((int) ((bought + 19) / 20 + continued));
        }
    }

    @Test
    void withTheRateLimitNearlySpentAnApprovalGoesOutFirstAndThePollWaits() {
        // masscast's bucket: 40 tokens refilled at 1 a minute; background calls keep 13 free
        Map<String, String> smallBudget = Map.of("MASSCAST_OFAUTH_RATE_PER_MINUTE", "1", "MASSCAST_OFAUTH_BURST", "40");
        OfAuthSimulator simulator = OfAuthSimulator.start(Pipeline.unlimitedSimulator());
        try {
            int readsBefore;
            try (Pipeline pipeline = new Pipeline(folder, clock, simulator, smallBudget)) {
                pipeline.run(ALICE, "new text=\"Already out\" lists=fans");
                pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
                pipeline.tick();
                pipeline.run(ALICE, "new text=\"Urgent drop\" lists=fans");
                while (accessCalls(pipeline) < 40 - 13) {
                    pipeline.run(ALICE, "vault"); // a person browsing the vault spends the rest above the reserve
                }
                pipeline.advance(clock, Duration.ofSeconds(6)); // the next poll is due
                readsBefore = analyticsReads(pipeline).size();

                pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(2));
                pipeline.tick();

                assertThat(pipeline.creates()).hasSize(2);
                assertThat(pipeline.state(2)).isIn(CampaignState.SENDING, CampaignState.SENT);
                assertThat(analyticsReads(pipeline))
                        .as("the poll waited: no token above the reserve")
                        .hasSize(readsBefore);
                Instant nextPoll = pipeline.wiring
                        .database()
                        .inTransaction(stores -> stores.connections().find("conn_demo"))
                        .orElseThrow()
                        .nextPollAt()
                        .orElseThrow();
                assertThat(nextPoll)
                        .as("until the bucket has refilled")
                        .isAfter(clock.instant().plusSeconds(60));
            }
            // a new process stands in for the minutes the bucket takes to refill (its clock is the system's)
            try (Pipeline later = new Pipeline(folder, clock, simulator, smallBudget)) {
                later.advance(clock, Duration.ofMinutes(3));
                later.tick();
                List<RecordedRequest> all = simulator.requests();
                int secondPost = all.indexOf(later.creates().get(1));
                int nextRead = all.indexOf(analyticsReads(later).get(readsBefore));
                assertThat(nextRead).as("the poll went out after the send").isGreaterThan(secondPost);
            }
        } finally {
            simulator.close();
        }
    }

    private static long accessCalls(Pipeline pipeline) {
        return pipeline.simulator.requests().stream()
                .filter(r -> r.path().startsWith("/v2/access/"))
                .count();
    }

    @Test
    void aMessageUnsentOutsideMasscastBecomesUnsentWithANote() {
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            Campaign campaign = sendPpv(pipeline, "Pulled back elsewhere");
            SimulatorMessages.delete(
                    pipeline.simulator, "conn_demo", campaign.ofauthMessageId().orElseThrow());

            pipeline.advance(clock, Duration.ofSeconds(6));
            pipeline.tick();

            assertThat(pipeline.state(1)).isEqualTo(CampaignState.UNSENT);
            assertThat(pipeline.channel.notes())
                    .anySatisfy(note -> assertThat(note)
                            .startsWith("OFAuth reports MC-1 as unsent: it was pulled back outside masscast"));
        }
    }

    @Test
    void aScheduledMessageDeletedOutsideMasscastIsMarkedSoWithANoteOnce() {
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            pipeline.run(ALICE, "new text=\"Tonight\" lists=fans at=\"in 2h\"");
            pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
            pipeline.tick();
            assertThat(pipeline.state(1)).isEqualTo(CampaignState.SCHEDULED);
            SimulatorMessages.delete(
                    pipeline.simulator,
                    "conn_demo",
                    pipeline.campaign(1).ofauthMessageId().orElseThrow());

            for (int i = 0; i < 3; i++) {
                pipeline.advance(clock, Duration.ofMinutes(50));
                pipeline.tick();
            }

            assertThat(pipeline.channel.notes())
                    .filteredOn(note -> note.contains("deleted outside masscast"))
                    .singleElement()
                    .asString()
                    .startsWith("OFAuth does not list MC-1 among the sent messages although its send time has passed");
            assertThat(field(pipeline.channel.cardOf("MC-1").orElseThrow(), "Status"))
                    .contains("OFAuth no longer lists it (since ");
        }
    }

    @Test
    void afterOfAuthFailsTheConnectionBacksOffAndARestartKeepsToIt() {
        OfAuthSimulator simulator = OfAuthSimulator.start(Pipeline.unlimitedSimulator());
        try {
            try (Pipeline first = new Pipeline(folder, clock, simulator, Map.of())) {
                sendPpv(first, "Backing off");
                simulator.faults().add(new Fault("GET", SENT_ANALYTICS, FaultKind.STATUS, 503, 0, 5));
                for (int i = 0; i < 5; i++) { // five failed polls in a row: the back-off doubles from 5 s to 80 s
                    first.advance(clock, Duration.ofSeconds(41));
                    first.tick();
                }
            }
            int reads = (int) simulator.requests().stream()
                    .filter(r -> r.path().equals(SENT_ANALYTICS))
                    .count();
            try (Pipeline second = new Pipeline(folder, clock, simulator, Map.of())) {
                second.advance(clock, Duration.ofSeconds(50)); // the back-off (80 s) has not passed
                second.tick();
                assertThat(analyticsReads(second))
                        .as("the back-off is kept after the restart")
                        .hasSize(reads);

                second.advance(clock, Duration.ofSeconds(31));
                second.tick();
                assertThat(analyticsReads(second)).hasSize(reads + 1);
            }
        } finally {
            simulator.close();
        }
    }

    @Test
    void followingOneHundredFiftyCampaignsCostsTwoAnalyticsPagesACycle() {
        int campaigns = 150;
        try (Pipeline pipeline = new Pipeline(folder, clock)) {
            for (int i = 1; i <= campaigns; i++) { // one a second, as a busy team might send them
                pipeline.run(ALICE, "new text=\"Free drop " + i + "\" lists=fans");
                pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(i));
                pipeline.job("submitter").tick();
                pipeline.advance(clock, Duration.ofSeconds(1));
            }
            pipeline.advance(clock, Duration.ofSeconds(6));
            pipeline.tick();
            pipeline.simulator.clearRequests();

            pipeline.advance(clock, Duration.ofSeconds(6));
            pipeline.tick();

            assertThat(pipeline.simulator.requests())
                    .extracting(RecordedRequest::path)
                    .containsExactly(SENT_ANALYTICS, SENT_ANALYTICS);
        }
    }

    private static List<String> buyerNotes(List<String> notes) {
        return notes.stream()
                .filter(note -> BUYERS_NOTE.matcher(note).matches())
                .toList();
    }

    private static long buyersIn(String note) {
        Matcher m = BUYERS_NOTE.matcher(note);
        if (!m.matches()) {
            throw new AssertionError("not a buyers note: " + note);
        }
        return Long.parseLong(m.group(1));
    }
}
