package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.simulator.Fault;
import io.masscast.simulator.FaultKind;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RateLimitPlan;
import io.masscast.simulator.RecordedRequest;
import io.masscast.simulator.SimulatorConfig;
import io.masscast.store.Database;
import io.masscast.store.TestDatabases;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.MasscastProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two masscast processes (the shaded jar, terminal mode, live OFAuth) on one embedded PostgreSQL and one simulator with
 * OFAuth's standard rate limit (bursts of 90, 60 a minute per connection), sharing 100 approved campaigns. Midway through
 * the sending the first is killed with SIGKILL; the second finishes its work once its leases (2 s here) have lapsed.
 * Afterwards: exactly one POST per campaign (100 in all), every campaign sent with its own message, every card posted once
 * and nothing left in the outbox, and a token bucket like OFAuth's, fed every request the cluster made in the order the
 * simulator received them, never ran dry: the two processes together stayed inside the connection's limit.
 */
class ReplicasIT {
    private static final int CAMPAIGNS = 100;
    private static final String MASS_MESSAGES = "/v2/access/mass-messages";
    private static final String READY = "masscast — terminal mode";
    /** Spreads the sends over several seconds, so the kill lands among them. */
    private static final long POST_LATENCY_MILLIS = 150;

    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);
    private static final Pattern NEW_CARD = Pattern.compile("\\] new card\\n┌[^\\n]*\\n│ (MC-\\d+) ");

    @TempDir
    Path folder;

    @Test
    void twoReplicasSendEveryCampaignOnceAndTheSurvivorFinishesWhenOneIsKilled() throws Exception {
        Path logs = Path.of(System.getProperty("masscast.test.logs", "target/test-logs"));
        Files.createDirectories(logs);
        DatabaseSettings database = TestDatabases.postgresConfig();
        RateLimitPlan.TokenBucket limit = (RateLimitPlan.TokenBucket) RateLimitPlan.standard();
        try (OfAuthSimulator simulator =
                OfAuthSimulator.start(SimulatorConfig.defaults().withPort(0).withRateLimit(limit))) {
            simulator
                    .faults()
                    .add(new Fault("POST", MASS_MESSAGES, FaultKind.LATENCY, 0, POST_LATENCY_MILLIS, 1_000_000));
            ApprovedCampaigns.add(
                    database,
                    CampaignTestData.binding(),
                    IntStream.rangeClosed(1, CAMPAIGNS)
                            .mapToObj(n -> CampaignTestData.draft()
                                    .text("Replica drop #" + n + " is up")
                                    .lists("fans")
                                    .build())
                            .toList());
            Map<String, String> env = Map.of(
                    "MASSCAST_DB_URL", database.url(),
                    "MASSCAST_DB_USER", database.user().orElseThrow(),
                    "MASSCAST_OFAUTH", "live",
                    "OFAUTH_API_KEY", simulator.apiKey(),
                    "OFAUTH_BASE_URL", simulator.baseUrl(),
                    "MASSCAST_LEASE_TTL", "2s",
                    "MASSCAST_LOG_FORMAT", "json");
            List<String> jvm = List.of("-Dmasscast.log.level=DEBUG", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
            try (MasscastProcess killed = MasscastProcess.start(env, folder, logs, "replica-killed", jvm, "--shell");
                    MasscastProcess survivor =
                            MasscastProcess.start(env, folder, logs, "replica-survivor", jvm, "--shell")) {
                killed.awaitPrinted(READY, Duration.ofSeconds(60));
                survivor.awaitPrinted(READY, Duration.ofSeconds(60));
                // midway: every card is up (so the kill cannot fall between a card's post and its record), sends go on
                awaitMidway(simulator, killed, survivor);
                killed.kill();
                Instant killedAt = Instant.now();
                int postsBeforeKill = posts(simulator).size();
                assertThat(postsBeforeKill)
                        .as("the kill lands while campaigns are still to send")
                        .isLessThan(CAMPAIGNS);

                awaitSettled(database);
                assertThat(posts(simulator).stream().filter(p -> p.receivedAt().isAfter(killedAt)))
                        .as("the survivor sent what was left")
                        .isNotEmpty();
                assertThat(survivor.endInput(Duration.ofSeconds(60)))
                        .as("the survivor exits cleanly at the end of its input")
                        .isZero();
                checkCampaigns(database, simulator);
                checkCards(database, killed, survivor);
                checkRateLimit(simulator, limit);
            }
        }
    }

    private static void awaitMidway(OfAuthSimulator simulator, MasscastProcess... replicas) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (newCards(replicas).size() < CAMPAIGNS || posts(simulator).size() < CAMPAIGNS / 4) {
            assertThat(System.nanoTime())
                    .as("all cards posted and a quarter of the campaigns sent within 60 s")
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Waits until no campaign is approved, being submitted or in doubt, and the outbox is empty. */
    private static void awaitSettled(DatabaseSettings database) throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (true) {
            Map<String, Integer> states = new TreeMap<>();
            int pending;
            try (Connection connection = TestDatabases.connect(database);
                    Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT state, COUNT(*) FROM campaign GROUP BY state")) {
                    while (rows.next()) {
                        states.put(rows.getString(1), rows.getInt(2));
                    }
                }
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM outbox")) {
                    rows.next();
                    pending = rows.getInt(1);
                }
            }
            boolean busy = Stream.of("APPROVED", "SUBMITTING", "IN_DOUBT").anyMatch(states::containsKey);
            if (!busy && pending == 0) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("settled within %s: %s, %d outbox entries pending", SETTLE_TIMEOUT, states, pending)
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static void checkCampaigns(DatabaseSettings settings, OfAuthSimulator simulator) {
        Map<String, Long> postsByText = posts(simulator).stream()
                .collect(Collectors.groupingBy(ReplicasIT::text, TreeMap::new, Collectors.counting()));
        assertThat(postsByText)
                .as("one POST per campaign")
                .hasSize(CAMPAIGNS)
                .allSatisfy((text, posts) ->
                        assertThat(posts).as("POSTs of %s", text).isEqualTo(1));
        Map<Long, Object> textOfMessage = Pipeline.createdMessages(simulator).stream()
                .collect(Collectors.toMap(m -> ((Number) m.get("id")).longValue(), m -> m.get("text")));
        assertThat(textOfMessage).as("one message at OFAuth per campaign").hasSize(CAMPAIGNS);
        try (Database db = Database.open(settings)) {
            List<Campaign> campaigns =
                    db.inTransaction(s -> s.campaigns().inStates(EnumSet.allOf(CampaignState.class), 1_000));
            assertThat(campaigns).hasSize(CAMPAIGNS).allSatisfy(campaign -> {
                assertThat(campaign.state()).as(campaign.humanId()).isIn(CampaignState.SENDING, CampaignState.SENT);
                assertThat(textOfMessage.get(campaign.ofauthMessageId().orElseThrow()))
                        .as("%s's message", campaign.humanId())
                        .isEqualTo(campaign.content().text());
            });
        }
    }

    /** Each campaign's card was posted once, by one of the two, and is linked to its message. */
    private static void checkCards(DatabaseSettings settings, MasscastProcess... replicas) throws Exception {
        List<String> posted = newCards(replicas);
        assertThat(posted).as("cards posted").hasSize(CAMPAIGNS).doesNotHaveDuplicates();
        try (Connection connection = TestDatabases.connect(settings);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT COUNT(DISTINCT campaign_id) FROM card_ref")) {
            rows.next();
            assertThat(rows.getInt(1)).as("campaigns with a card").isEqualTo(CAMPAIGNS);
        }
    }

    /**
     * Replays the cluster's Access API requests, in the order and at the times the simulator received them, through a
     * bucket like the one OFAuth keeps for the connection: it must never be empty when a request arrives.
     */
    private static void checkRateLimit(OfAuthSimulator simulator, RateLimitPlan.TokenBucket limit) {
        Map<String, List<RecordedRequest>> byConnection = simulator.requests().stream()
                .filter(r -> r.path().startsWith("/v2/access/") && r.connectionId() != null)
                .collect(Collectors.groupingBy(RecordedRequest::connectionId));
        assertThat(byConnection).isNotEmpty();
        byConnection.forEach((connection, requests) -> {
            double tokens = limit.burst();
            Instant last = requests.get(0).receivedAt();
            double lowest = tokens;
            for (RecordedRequest request : requests) {
                double minutes = Duration.between(last, request.receivedAt()).toNanos() / 60e9;
                tokens = Math.min(limit.burst(), tokens + minutes * limit.refillPerMinute()) - 1;
                last = request.receivedAt();
                lowest = Math.min(lowest, tokens);
            }
            System.out.printf(
                    "replicas: %d Access API requests on %s; at the emptiest moment %.1f of %d tokens left%n",
                    requests.size(), connection, lowest, limit.burst());
            assertThat(lowest)
                    .as("tokens left at the emptiest moment of %s, over %d requests", connection, requests.size())
                    .isGreaterThanOrEqualTo(0);
        });
    }

    private static List<RecordedRequest> posts(OfAuthSimulator simulator) {
        return simulator.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(MASS_MESSAGES))
                .toList();
    }

    /** The campaigns whose card was posted new, by every replica, as they printed them. */
    private static List<String> newCards(MasscastProcess... replicas) throws Exception {
        StringBuilder printed = new StringBuilder();
        for (MasscastProcess replica : replicas) {
            printed.append(replica.output());
        }
        Matcher matcher = NEW_CARD.matcher(printed);
        List<String> cards = new ArrayList<>();
        while (matcher.find()) {
            cards.add(matcher.group(1));
        }
        return cards;
    }

    private static String text(RecordedRequest post) {
        Matcher matcher = Pattern.compile("\"text\":\"([^\"]*)\"").matcher(post.body());
        assertThat(matcher.find()).as("a text in %s", post.body()).isTrue();
        return matcher.group(1);
    }
}
