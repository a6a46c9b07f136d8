package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.masscast.config.DatabaseSettings;
import io.masscast.core.model.AuditEvent;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.simulator.Fault;
import io.masscast.simulator.FaultKind;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RateLimitPlan;
import io.masscast.simulator.RecordedRequest;
import io.masscast.simulator.SimulatorConfig;
import io.masscast.store.Database;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.MasscastProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * masscast is killed with SIGKILL ({@code Process.destroyForcibly}, i.e. {@code kill -9}) at random, seeded
 * moments while it sends 200 approved campaigns, and started again each time on the same SQLite file. The
 * process is the shaded jar, run as a user would run it (terminal mode, live OFAuth pointed at a simulator that
 * lives in this test and keeps counting across the restarts; every create takes 120 ms after OFAuth created the
 * message, so many kills land between "created" and "answered"). Campaigns are composed and approved through the
 * core services straight into the database file before each start. After the last start every campaign must be
 * sent exactly once or be in doubt for a person, none sent twice (never two POSTs for one campaign in the
 * simulator's request log, never two messages at OFAuth), none lost. The figures go to
 * {@code target/crash-test.txt}.
 */
class CrashIT {
    private static final long SEED = 20_260_320L;
    private static final int CAMPAIGNS = 200;
    private static final int KILLS = 12;
    /** Each of the first runs gets this many newly approved campaigns before it starts. */
    private static final int BATCH = 20;
    /** Every tenth campaign has the text of the one before, to another list: OFAuth's analytics cannot tell them apart. */
    private static final int TWIN_EVERY = 10;

    private static final long POST_LATENCY_MILLIS = 120;
    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(2);
    private static final String MASS_MESSAGES = "/v2/access/mass-messages";
    private static final Moshi MOSHI = new Moshi.Builder().build();
    private static final String READY = "masscast — terminal mode";

    @TempDir
    Path folder;

    /** What the test composed: the campaign's number, its text and its one list. */
    private record Seeded(int number, String text, String list) {
        String key() {
            return text + " → " + list;
        }
    }

    @Test
    void everyCampaignIsSentOnceOrLeftInDoubtForAPersonWhenTheProcessIsKilledAtRandomMoments() throws Exception {
        long started = System.nanoTime();
        Path logs = Path.of(System.getProperty("masscast.test.logs", "target/test-logs"));
        Files.createDirectories(logs);
        SimulatorConfig simulatorConfig =
                SimulatorConfig.defaults().withPort(0).withRateLimit(new RateLimitPlan.Unlimited());
        try (OfAuthSimulator simulator = OfAuthSimulator.start(simulatorConfig)) {
            simulator
                    .faults()
                    .add(new Fault("POST", MASS_MESSAGES, FaultKind.LATENCY, 0, POST_LATENCY_MILLIS, 1_000_000));
            DatabaseSettings database = new DatabaseSettings(
                    "jdbc:sqlite:" + folder.resolve("masscast.db"), Optional.empty(), Optional.empty());
            Map<String, String> env = Map.of(
                    "MASSCAST_DB_URL", database.url(),
                    "MASSCAST_OFAUTH", "live",
                    "OFAUTH_API_KEY", simulator.apiKey(),
                    "OFAUTH_BASE_URL", simulator.baseUrl(),
                    "MASSCAST_OFAUTH_RATE_PER_MINUTE", "100000",
                    "MASSCAST_OFAUTH_BURST", "100000",
                    "MASSCAST_LEASE_TTL", "2s");
            Random random = new Random(SEED);
            List<Seeded> seeded = new ArrayList<>();
            int killedWhileStarting = 0;
            for (int run = 0; run < KILLS; run++) {
                seed(database, seeded, Math.min(BATCH, CAMPAIGNS - seeded.size()));
                MasscastProcess process = start(env, folder, logs, run);
                if (run % 4 == 3) {
                    Thread.sleep(200 + random.nextInt(1_000)); // a random moment of the start-up
                    killedWhileStarting += process.printed(READY) ? 0 : 1;
                } else {
                    process.awaitPrinted(READY, Duration.ofSeconds(30));
                    Thread.sleep(random.nextInt(2_500)); // a random moment of the sending
                }
                process.kill();
            }
            seed(database, seeded, CAMPAIGNS - seeded.size());
            MasscastProcess last = start(env, folder, logs, KILLS);
            awaitSettled(database, simulator, seeded);
            assertThat(last.endInput(Duration.ofSeconds(60)))
                    .as("the last run exits cleanly at the end of its input")
                    .isZero();

            Report report = check(database, simulator, seeded);
            report.write(
                    Path.of("target", "crash-test.txt"),
                    KILLS,
                    killedWhileStarting,
                    Duration.ofNanos(System.nanoTime() - started));
        }
    }

    /**
     * The jar in terminal mode, logging at DEBUG; every other run logs JSON (MASSCAST_LOG_FORMAT=json), so the log scan
     * covers both formats as production writes them.
     */
    private static MasscastProcess start(Map<String, String> env, Path folder, Path logs, int run) throws IOException {
        Map<String, String> withFormat = new HashMap<>(env);
        withFormat.put("MASSCAST_LOG_FORMAT", run % 2 == 0 ? "json" : "text");
        return MasscastProcess.start(
                withFormat,
                folder,
                logs,
                "crash-run-" + run,
                List.of("-Dmasscast.log.level=DEBUG", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"),
                "--shell");
    }

    /** Composes and approves {@code count} campaigns in the database, as the chat would, while no masscast runs. */
    private static void seed(DatabaseSettings settings, List<Seeded> seeded, int count) {
        List<Seeded> batch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int number = seeded.size() + batch.size() + 1;
            boolean twin = number % TWIN_EVERY == 0;
            String text = twin
                    ? (batch.isEmpty() ? seeded.get(number - 2) : batch.get(batch.size() - 1)).text()
                    : "Crash drop #" + number + " is up, unlock it now";
            batch.add(new Seeded(number, text, twin ? "following" : "fans"));
        }
        List<Campaign> composed = ApprovedCampaigns.add(
                settings,
                CampaignTestData.binding(),
                batch.stream()
                        .map(c -> CampaignTestData.draft()
                                .text(c.text())
                                .lists(c.list())
                                .build())
                        .toList());
        for (int i = 0; i < batch.size(); i++) {
            assertThat(composed.get(i).number()).isEqualTo(batch.get(i).number());
        }
        seeded.addAll(batch);
    }

    /** Waits until nothing is left to send and every campaign in doubt is either unknown to OFAuth or left to a person. */
    private static void awaitSettled(DatabaseSettings database, OfAuthSimulator simulator, List<Seeded> seeded)
            throws Exception {
        long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
        while (true) {
            Map<Integer, String> states = new HashMap<>();
            Set<Integer> leftToPerson = new java.util.HashSet<>();
            try (Connection connection = DriverManager.getConnection(database.url());
                    Statement statement = connection.createStatement()) {
                try (ResultSet rows = statement.executeQuery("SELECT number, state FROM campaign")) {
                    while (rows.next()) {
                        states.put(rows.getInt(1), rows.getString(2));
                    }
                }
                try (ResultSet rows =
                        statement.executeQuery("SELECT c.number FROM campaign c WHERE EXISTS (SELECT 1 FROM"
                                + " audit_event a WHERE a.campaign_id = c.id AND a.action = 'leave_to_person')")) {
                    while (rows.next()) {
                        leftToPerson.add(rows.getInt(1));
                    }
                }
            }
            Set<String> textsAtOfAuth = Pipeline.createdMessages(simulator).stream()
                    .map(m -> (String) m.get("text"))
                    .collect(Collectors.toSet());
            boolean sending = states.values().stream().anyMatch(s -> s.equals("APPROVED") || s.equals("SUBMITTING"));
            boolean unexplainedDoubt = seeded.stream()
                    .anyMatch(c -> "IN_DOUBT".equals(states.get(c.number()))
                            && !leftToPerson.contains(c.number())
                            && textsAtOfAuth.contains(c.text()));
            if (states.size() == seeded.size() && !sending && !unexplainedDoubt) {
                return;
            }
            assertThat(System.nanoTime())
                    .as("settled within %s: %s", SETTLE_TIMEOUT, new TreeMap<>(states))
                    .isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private static Report check(DatabaseSettings settings, OfAuthSimulator simulator, List<Seeded> seeded) {
        Map<String, List<RecordedRequest>> postsByCampaign = simulator.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(MASS_MESSAGES))
                .collect(Collectors.groupingBy(CrashIT::key, LinkedHashMap::new, Collectors.toList()));
        List<Map<String, Object>> messages = Pipeline.createdMessages(simulator);
        Report report = new Report();
        report.posts = postsByCampaign.values().stream().mapToInt(List::size).sum();
        Set<String> keys = seeded.stream().map(Seeded::key).collect(Collectors.toSet());
        assertThat(keys).as("every POST is one of the campaigns").containsAll(postsByCampaign.keySet());
        postsByCampaign.forEach(
                (key, posts) -> assertThat(posts).as("POSTs of %s", key).hasSize(1));
        Map<Long, Map<String, Object>> messageById =
                messages.stream().collect(Collectors.toMap(m -> ((Number) m.get("id")).longValue(), m -> m));
        assertThat(messages).as("one message at OFAuth per POST").hasSize(report.posts);

        try (Database db = Database.open(settings)) {
            List<Campaign> campaigns =
                    db.inTransaction(s -> s.campaigns().inStates(EnumSet.allOf(CampaignState.class), 1_000));
            assertThat(campaigns).hasSize(CAMPAIGNS);
            Set<Long> owned = new java.util.HashSet<>();
            for (Campaign campaign : campaigns) {
                Seeded expected = seeded.get(campaign.number() - 1);
                List<AuditEvent> history = db.inTransaction(s -> s.audit().forCampaign(campaign.id()));
                report.count(campaign, history);
                switch (campaign.state()) {
                    case SENDING, SENT -> {
                        long id = campaign.ofauthMessageId().orElseThrow();
                        assertThat(owned.add(id))
                                .as("%s owns message %s alone", campaign.humanId(), id)
                                .isTrue();
                        assertThat(messageById.get(id))
                                .as("%s's message at OFAuth", campaign.humanId())
                                .isNotNull()
                                .extracting(m -> m.get("text"))
                                .isEqualTo(expected.text());
                        assertThat(postsByCampaign.get(expected.key()))
                                .as("%s was posted", campaign.humanId())
                                .hasSize(1);
                    }
                    case IN_DOUBT -> assertThat(campaign.ofauthMessageId()).isEmpty();
                    default ->
                        throw new AssertionError(campaign.humanId() + " was lost: it ended "
                                + campaign.state().label());
                }
            }
            for (Map<String, Object> message : messages) {
                long id = ((Number) message.get("id")).longValue();
                if (!owned.contains(id)) {
                    assertThat(campaigns)
                            .as("message %s without a campaign belongs to one in doubt", id)
                            .anyMatch(c -> c.state() == CampaignState.IN_DOUBT
                                    && c.content().text().equals(message.get("text")));
                    report.unownedMessages++;
                }
            }
        }
        return report;
    }

    /** A POST's campaign: its text and list, as the body says. */
    private static String key(RecordedRequest post) {
        try {
            Map<String, Object> body = MOSHI.<Map<String, Object>>adapter(
                            Types.newParameterizedType(Map.class, String.class, Object.class))
                    .fromJson(post.body());
            return body.get("text") + " → " + ((List<?>) body.get("userLists")).get(0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The outcomes, counted from each campaign's history. */
    private static final class Report {
        int posts;
        int sentOnFirstAnswer;
        int adoptedAfterDoubt;
        int inDoubtForAPerson;
        int leftToPersonAsAmbiguous;
        int putBackAfterACrash;
        int inDoubtAfterACrash;
        int unownedMessages;

        void count(Campaign campaign, List<AuditEvent> history) {
            List<String> actions = history.stream().map(AuditEvent::action).toList();
            sentOnFirstAnswer += actions.contains("record_accepted") ? 1 : 0;
            adoptedAfterDoubt += actions.contains("adopt") ? 1 : 0;
            inDoubtForAPerson += campaign.state() == CampaignState.IN_DOUBT ? 1 : 0;
            leftToPersonAsAmbiguous +=
                    campaign.state() == CampaignState.IN_DOUBT && actions.contains("leave_to_person") ? 1 : 0;
            putBackAfterACrash += (int) history.stream()
                    .filter(e -> e.action().equals("release") && e.detail().contains("stopped before the request left"))
                    .count();
            inDoubtAfterACrash += (int) history.stream()
                    .filter(e ->
                            e.action().equals("mark_in_doubt") && e.detail().contains("masscast stopped"))
                    .count();
        }

        void write(Path file, int kills, int killedWhileStarting, Duration took) throws IOException {
            String text = String.format(
                    """
                    crash test: %d runs of the jar on one SQLite file, %d killed with SIGKILL (%d during start-up), seed %d
                    campaigns: %d approved; %d POSTs reached OFAuth, at most one per campaign; %d messages at OFAuth, none twice
                    outcomes: %d sent on OFAuth's answer, %d found and adopted after a crash left them in doubt,
                              %d in doubt for a person (%d because another campaign's message could be theirs), 0 lost
                    crash recovery: %d claims put back in the queue (their request had not left), %d put in doubt (it had)
                    messages at OFAuth that no campaign owns: %d (each belongs to a campaign in doubt)
                    took %d s
                    """,
                    kills + 1,
                    kills,
                    killedWhileStarting,
                    SEED,
                    CAMPAIGNS,
                    posts,
                    posts,
                    sentOnFirstAnswer,
                    adoptedAfterDoubt,
                    inDoubtForAPerson,
                    leftToPersonAsAmbiguous,
                    putBackAfterACrash,
                    inDoubtAfterACrash,
                    unownedMessages,
                    took.toSeconds());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            System.out.print(text);
        }
    }
}
