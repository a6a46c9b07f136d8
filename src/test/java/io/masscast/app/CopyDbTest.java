package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.command.ActionId;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Campaign;
import io.masscast.core.policy.Permissions;
import io.masscast.store.Database;
import io.masscast.store.TestDatabases;
import io.masscast.testing.CampaignTestData;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingOfAuthGateway;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code masscast copy-db}: a SQLite database masscast ran on (campaigns sent, polled, in the outbox, with their audit
 * trail, approvals, snapshots and buyers) copied into an empty PostgreSQL one, compared table by table and row by row;
 * and what it refuses, each with one line that says what to do.
 */
class CopyDbTest {
    private static final Actor BOB = Actor.of("bob", "Bob");
    private static final String PASSWORD = "s3cret-Pg-pass";

    @TempDir
    Path folder;

    /** Now, as a running masscast's leases are judged by the time of day. */
    private final MutableClock clock = new MutableClock(Instant.now());

    private record Result(int status, String out, String err) {}

    private Result copyDb(Map<String, String> env, String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args =
                Stream.concat(Stream.of("copy-db"), Stream.of(arguments)).toArray(String[]::new);
        int status = Main.run(
                args,
                env,
                new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                false);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Map<String, String> sqliteEnv() {
        return Map.of("MASSCAST_DB_URL", "jdbc:sqlite:" + folder.resolve("masscast.db"));
    }

    /** masscast ran on the SQLite file: campaigns composed, approved, sent and polled, cards and notes in the outbox. */
    private Pipeline populated() {
        Pipeline pipeline = new Pipeline(folder, clock);
        for (int i = 1; i <= 3; i++) {
            pipeline.run(
                    Pipeline.ALICE,
                    "new text=\"Copy drop " + i + " 🔥\" lists=fans media=https://cdn.example.com/" + i
                            + ".jpg price=12.50");
        }
        pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(1));
        pipeline.click(BOB, ActionId.Verb.APPROVE, pipeline.campaign(2));
        pipeline.tickUntilSubmitted();
        for (int minute = 0; minute < 7; minute++) { // delivery, views and purchases, polled
            pipeline.advance(clock, Duration.ofMinutes(1));
            pipeline.tick();
        }
        pipeline.run(Pipeline.ALICE, "new text=\"Copy drop 4\" lists=fans"); // its card still waits in the outbox
        return pipeline;
    }

    @Test
    void copiesEveryTableRowForRowAndPrintsTheCountsOfBothSides() throws Exception {
        populated().close();
        DatabaseSettings target = TestDatabases.postgresConfig();
        Path passwordFile = Files.writeString(folder.resolve("pg-password"), "any\n"); // the embedded server trusts

        Result copied = copyDb(
                sqliteEnv(),
                "--to",
                target.url(),
                "--to-user",
                "postgres",
                "--to-password-file",
                passwordFile.toString());

        assertThat(copied.status()).as(copied.err()).isZero();
        DatabaseSettings source =
                new DatabaseSettings(sqliteEnv().get("MASSCAST_DB_URL"), Optional.empty(), Optional.empty());
        List<String> tables = tables(target);
        assertThat(tables)
                .contains(
                        "binding",
                        "campaign",
                        "campaign_counter",
                        "approval",
                        "audit_event",
                        "card_ref",
                        "outbox",
                        "campaign_stats",
                        "stats_snapshot",
                        "campaign_buyer",
                        "connection_state",
                        "lease");
        for (String table : tables) {
            List<List<String>> rows = rows(source, table);
            assertThat(rows(target, table)).as("rows of %s", table).containsExactlyElementsOf(rows);
            assertThat(copied.out())
                    .as("the counts of %s", table)
                    .containsPattern("(?m)^" + table + " +" + rows.size() + " +" + rows.size() + "$");
        }
        for (String table : List.of("campaign", "approval", "audit_event", "stats_snapshot", "outbox")) {
            assertThat(rows(source, table)).as("%s has rows to copy", table).isNotEmpty();
        }

        try (Database copy = Database.open(target)) { // masscast goes on there: new rows get new ids and numbers
            Campaign next = new CampaignService(
                            copy, new RecordingOfAuthGateway(), new Permissions(Set.of("root")), clock)
                    .compose(
                            Pipeline.CHANNEL,
                            Pipeline.ALICE,
                            CampaignTestData.draft().build())
                    .campaign();
            assertThat(next.number()).isEqualTo(5);
        }
    }

    @Test
    void refusesATargetThatHoldsRowsAndLeavesItAsItWas() throws Exception {
        populated().close();
        DatabaseSettings target = TestDatabases.postgresConfig();
        assertThat(copyDb(sqliteEnv(), "--to", target.url(), "--to-user", "postgres")
                        .status())
                .isZero();
        List<List<String>> before = rows(target, "campaign");

        Result again = copyDb(sqliteEnv(), "--to", target.url(), "--to-user", "postgres");

        assertThat(again.status()).isEqualTo(1);
        assertThat(again.err())
                .startsWith("copy-db: refused: the target database is not empty (")
                .contains("campaign: 4 rows")
                .endsWith("copy into a new, empty database" + System.lineSeparator());
        assertThat(rows(target, "campaign")).isEqualTo(before);
    }

    @Test
    @SuppressWarnings("try") // the pipeline only needs to hold its leases
    void refusesWhileAMasscastRunsOnTheSqliteFile() throws Exception {
        DatabaseSettings target = TestDatabases.postgresConfig();
        try (Pipeline running = populated()) {
            Result refused = copyDb(sqliteEnv(), "--to", target.url(), "--to-user", "postgres");

            assertThat(refused.status()).isEqualTo(1);
            assertThat(refused.err())
                    .startsWith("copy-db: a masscast is running on jdbc:sqlite:")
                    .contains("outbox:shell")
                    .endsWith("stop it, then copy" + System.lineSeparator());
        }
        assertThat(rows(target, "campaign")).as("nothing copied").isEmpty();
    }

    @Test
    void badInputsGetOneLineThatSaysWhatToFixAndNeverThePassword() throws Exception {
        Files.createFile(folder.resolve("masscast.db"));
        Path passwordFile = Files.writeString(folder.resolve("pg-password"), PASSWORD + "\n");
        Map<String, List<String>> cases = Map.of(
                "copy-db: name the PostgreSQL database to copy into with --to. Usage:",
                List.of(),
                "copy-db: --to needs a value.",
                List.of("--to"),
                "copy-db: --to takes a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/masscast, not a jdbc:mysql: URL",
                List.of("--to", "jdbc:mysql://db/masscast?user=root&password=" + PASSWORD),
                "copy-db: unknown option --from.",
                List.of("--from", "x", "--to", "jdbc:postgresql://db/m"),
                "copy-db: cannot connect to jdbc:postgresql://127.0.0.1:1/masscast: ",
                List.of(
                        "--to",
                        "jdbc:postgresql://127.0.0.1:1/masscast",
                        "--to-user",
                        "masscast",
                        "--to-password-file",
                        passwordFile.toString()),
                "copy-db: cannot read the password file ",
                List.of(
                        "--to",
                        "jdbc:postgresql://127.0.0.1:1/m",
                        "--to-password-file",
                        folder.resolve("missing").toString()));
        for (Map.Entry<String, List<String>> bad : cases.entrySet()) {
            Result result = copyDb(sqliteEnv(), bad.getValue().toArray(String[]::new));
            assertThat(result.status()).as("%s", bad.getValue()).isNotZero();
            assertThat(result.err())
                    .as("%s", bad.getValue())
                    .startsWith(bad.getKey())
                    .doesNotContain(PASSWORD)
                    .doesNotContain("Exception:")
                    .doesNotContain("\tat ")
                    .hasLineCount(1);
            assertThat(result.out()).isEmpty();
        }

        Result noFile = copyDb(
                Map.of("MASSCAST_DB_URL", "jdbc:sqlite:" + folder.resolve("nowhere.db")),
                "--to",
                "jdbc:postgresql://127.0.0.1:1/m");
        assertThat(noFile.status()).isEqualTo(1);
        assertThat(noFile.err())
                .startsWith("copy-db: there is no SQLite database at ")
                .hasLineCount(1);
        assertThat(Files.exists(folder.resolve("nowhere.db")))
                .as("no empty database made on the way")
                .isFalse();
    }

    private static List<String> tables(DatabaseSettings settings) throws Exception {
        List<String> tables = new ArrayList<>();
        try (Connection connection = TestDatabases.connect(settings);
                ResultSet rows = connection.getMetaData().getTables(null, "public", "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                tables.add(rows.getString("TABLE_NAME"));
            }
        }
        tables.remove("flyway_schema_history");
        return tables;
    }

    /** Every row, its values as text the same on both databases (booleans as 0 or 1, bytes as hex), in id order. */
    private static List<List<String>> rows(DatabaseSettings settings, String table) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = TestDatabases.connect(settings);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = result.getObject(i);
                    row.add(meta.getColumnName(i).toLowerCase(Locale.ROOT) + "=" + text(value));
                }
                row.sort(null); // columns by name
                rows.add(row);
            }
        }
        rows.sort((a, b) -> String.join("|", a).compareTo(String.join("|", b)));
        return rows;
    }

    private static String text(Object value) {
        if (value instanceof Boolean b) {
            return b ? "1" : "0";
        }
        if (value instanceof byte[] bytes) {
            return HexFormat.of().formatHex(bytes);
        }
        return String.valueOf(value);
    }
}
