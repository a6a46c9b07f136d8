package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.DatabaseSettings;
import io.masscast.simulator.Fault;
import io.masscast.simulator.FaultKind;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.store.TestDatabases;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.MasscastProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SIGTERM, as Docker and Kubernetes stop a container, to the jar while it sends: it exits within 30 s with status 0, the
 * sends in flight finished or gave their campaigns back, and it gave up its leases, so the next process delivers at once
 * rather than after the leases' minute; and the terminal's temporary demo database is gone after a SIGTERM too.
 */
class SigtermIT {
    private static final String READY = "masscast — terminal mode";
    private static final String MASS_MESSAGES = "/v2/access/mass-messages";
    private static final int CAMPAIGNS = 30;
    /** Far longer than the test waits for the successor: only leases given up let it work at once. */
    private static final String LEASE_TTL = "60s";

    private static final List<String> JVM =
            List.of("-Dmasscast.log.level=INFO", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    @TempDir
    Path folder;

    private final Path logs = Path.of(System.getProperty("masscast.test.logs", "target/test-logs"));

    @Test
    void aSignalledMasscastStopsItsWorkCleanlyExitsWith0AndLeavesNoLeaseBehind() throws Exception {
        Files.createDirectories(logs);
        DatabaseSettings database = new DatabaseSettings(
                "jdbc:sqlite:" + folder.resolve("masscast.db"), Optional.empty(), Optional.empty());
        try (OfAuthSimulator simulator = OfAuthSimulator.start(Pipeline.unlimitedSimulator())) {
            simulator.faults().add(new Fault("POST", MASS_MESSAGES, FaultKind.LATENCY, 0, 300, 1_000_000));
            ApprovedCampaigns.add(
                    database,
                    CampaignTestData.binding(),
                    IntStream.rangeClosed(1, CAMPAIGNS)
                            .mapToObj(n -> CampaignTestData.draft()
                                    .text("Sigterm drop #" + n)
                                    .lists("fans")
                                    .build())
                            .toList());
            Map<String, String> env = Map.of(
                    "MASSCAST_DB_URL",
                    database.url(),
                    "MASSCAST_OFAUTH",
                    "live",
                    "OFAUTH_API_KEY",
                    simulator.apiKey(),
                    "OFAUTH_BASE_URL",
                    simulator.baseUrl(),
                    "MASSCAST_OFAUTH_RATE_PER_MINUTE",
                    "100000",
                    "MASSCAST_OFAUTH_BURST",
                    "100000",
                    "MASSCAST_LEASE_TTL",
                    LEASE_TTL);

            try (MasscastProcess first = MasscastProcess.start(env, folder, logs, "sigterm-first", JVM, "--shell")) {
                first.awaitPrinted(READY, Duration.ofSeconds(60));
                awaitPosts(simulator, 3);
                Duration took = first.terminate(Duration.ofSeconds(30));

                assertThat(took)
                        .as("exited within the 30 s an orchestrator waits")
                        .isLessThan(Duration.ofSeconds(30));
                assertThat(first.exitValue())
                        .as("exit status after a clean stop (its log: %s)", first.log())
                        .isZero();
                assertThat(first.log()).contains("masscast stopped in");
            }
            assertThat(posts(simulator))
                    .as("the kill came while campaigns were still to send")
                    .isLessThan(CAMPAIGNS);
            assertThat(liveLeases(database)).as("leases left behind").isEmpty();
            assertThat(states(database))
                    .as("no campaign held by the stopped process")
                    .doesNotContainKeys("SUBMITTING", "IN_DOUBT");

            try (MasscastProcess next = MasscastProcess.start(env, folder, logs, "sigterm-next", JVM, "--shell")) {
                next.awaitPrinted(READY, Duration.ofSeconds(60));
                awaitAllSentAndDelivered(database, Duration.ofSeconds(30));
                assertThat(next.endInput(Duration.ofSeconds(30))).isZero();
            }
            assertThat(posts(simulator)).as("each campaign posted once").isEqualTo(CAMPAIGNS);
        }
    }

    @Test
    void theTerminalsDemoDatabaseIsDeletedOnSigterm() throws Exception {
        Files.createDirectories(logs);
        Path temp = Files.createDirectories(folder.resolve("tmp"));
        List<String> jvm = Stream.concat(JVM.stream(), Stream.of("-Djava.io.tmpdir=" + temp))
                .toList();
        try (MasscastProcess demo = MasscastProcess.start(Map.of(), folder, logs, "sigterm-demo", jvm)) {
            demo.awaitPrinted("database: a temporary SQLite file, gone when masscast exits", Duration.ofSeconds(60));
            assertThat(demoFiles(temp))
                    .as("the demo database while masscast runs")
                    .isNotEmpty();

            demo.terminate(Duration.ofSeconds(30));

            assertThat(demo.exitValue()).isZero();
        }
        assertThat(demoFiles(temp)).as("left in the temporary directory").isEmpty();
    }

    private static List<Path> demoFiles(Path temp) throws Exception {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(f -> f.getFileName().toString().startsWith("masscast-demo-"))
                    .toList();
        }
    }

    private static void awaitPosts(OfAuthSimulator simulator, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (posts(simulator) < count) {
            assertThat(System.nanoTime()).as("%d POSTs within 60 s", count).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static long posts(OfAuthSimulator simulator) {
        return simulator.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(MASS_MESSAGES))
                .count();
    }

    private static List<String> liveLeases(DatabaseSettings database) throws Exception {
        List<String> live = new ArrayList<>();
        try (Connection connection = TestDatabases.connect(database);
                PreparedStatement query = connection.prepareStatement("SELECT name FROM lease WHERE expires_at > ?")) {
            query.setLong(1, System.currentTimeMillis());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    live.add(rows.getString(1));
                }
            }
        }
        return live;
    }

    private static Map<String, Integer> states(DatabaseSettings database) throws Exception {
        Map<String, Integer> states = new TreeMap<>();
        try (Connection connection = TestDatabases.connect(database);
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT state, COUNT(*) FROM campaign GROUP BY state")) {
            while (rows.next()) {
                states.put(rows.getString(1), rows.getInt(2));
            }
        }
        return states;
    }

    private static void awaitAllSentAndDelivered(DatabaseSettings database, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Map<String, Integer> states = states(database);
            int pending;
            try (Connection connection = TestDatabases.connect(database);
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM outbox")) {
                rows.next();
                pending = rows.getInt(1);
            }
            if (states.keySet().stream().allMatch(s -> s.equals("SENDING") || s.equals("SENT")) && pending == 0) {
                return;
            }
            assertThat(System.nanoTime())
                    .as(
                            "sent and delivered within %s (leases of %s): %s, %d outbox entries",
                            within, LEASE_TTL, states, pending)
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }
}
