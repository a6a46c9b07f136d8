package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.command.ActionId;
import io.masscast.core.model.Actor;
import io.masscast.core.model.CampaignState;
import io.masscast.jobs.JobRuntime;
import io.masscast.simulator.Fault;
import io.masscast.simulator.FaultKind;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RecordedRequest;
import io.masscast.store.TestDatabases;
import io.masscast.testing.MutableClock;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two replicas on one PostgreSQL database: two fully separate wirings (each its own pool, OFAuth client, limiter and
 * caches) on one simulator, their jobs ticked by hand on one clock. Work that must happen once across the cluster
 * happens once, whichever replica ticks.
 */
class PostgresReplicasTest {
    private static final Actor BOB = Actor.of("bob", "Bob");
    private static final String MASS_MESSAGES = "/v2/access/mass-messages";
    /** Longer than the poll and probe intervals: each replica's next tick is due. */
    private static final Duration CYCLE = Duration.ofMinutes(10);

    @TempDir
    Path folder;

    private final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    private OfAuthSimulator simulator;
    private DatabaseSettings database;
    private Pipeline first;
    private Pipeline second;

    @BeforeEach
    void start() {
        simulator = OfAuthSimulator.start(Pipeline.unlimitedSimulator());
        database = TestDatabases.postgresConfig();
        Map<String, String> onPostgres = Map.of(
                "MASSCAST_DB_URL",
                database.url(),
                "MASSCAST_DB_USER",
                database.user().orElseThrow(),
                "MASSCAST_CONNECTION_PROBE_INTERVAL",
                "5m");
        first = new Pipeline(folder.resolve("first"), clock, simulator, onPostgres);
        second = new Pipeline(folder.resolve("second"), clock, simulator, onPostgres);
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        simulator.close();
    }

    @Test
    void theTimeOfAuthAskedOneReplicaToWaitIsHonouredByTheOther() throws Exception {
        simulator.faults().add(new Fault("POST", MASS_MESSAGES, FaultKind.RATE_LIMIT_STORM, 0, 0, 1));
        first.run(Pipeline.ALICE, "new text=\"Replica wait\" lists=fans");
        first.click(BOB, ActionId.Verb.APPROVE, first.campaign(1));

        tick(first, "submitter");
        assertThat(creates()).as("the create OFAuth refused with 429").hasSize(1);
        assertThat(submitNotBefore()).as("the wait is stored with the campaign").isEqualTo(clock.millis() + 1_000);

        tick(second, "submitter");
        assertThat(creates()).as("the other replica waits too").hasSize(1);

        clock.advance(Duration.ofSeconds(1));
        tick(second, "submitter");
        assertThat(creates()).hasSize(2);
        assertThat(second.state(1)).isIn(CampaignState.SENDING, CampaignState.SENT);
    }

    @Test
    void aPollCycleAndAConnectionProbeRunOnceAcrossReplicasAndMoveToTheOtherWhenTheirHolderStops() {
        first.run(Pipeline.ALICE, "new text=\"Replica poll\" lists=fans");
        first.click(BOB, ActionId.Verb.APPROVE, first.campaign(1));
        first.tickUntilSubmitted();

        first.advance(clock, CYCLE);
        int before = simulator.requests().size();
        tick(first, "stats-poller");
        tick(first, "connection-watcher");
        List<RecordedRequest> byFirst =
                simulator.requests().subList(before, simulator.requests().size());
        assertThat(byFirst)
                .extracting(RecordedRequest::path)
                .as("one cycle: a poll and a probe")
                .contains("/v2/access/analytics/mass-messages/sent", "/v2/access/self");

        int afterFirst = simulator.requests().size();
        tick(second, "stats-poller");
        tick(second, "connection-watcher");
        assertThat(simulator.requests().size())
                .as("the other replica's ticks in the same cycle")
                .isEqualTo(afterFirst);

        first.close(); // gives its leases up: the other replica takes the next cycle at once
        second.advance(clock, CYCLE);
        tick(second, "stats-poller");
        tick(second, "connection-watcher");
        assertThat(simulator.requests().subList(afterFirst, simulator.requests().size()))
                .extracting(RecordedRequest::path)
                .as("the next cycle, by the other replica")
                .contains("/v2/access/analytics/mass-messages/sent", "/v2/access/self");
    }

    private static void tick(Pipeline replica, String job) {
        JobRuntime.runGuarded(replica.job(job));
    }

    private List<RecordedRequest> creates() {
        return simulator.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(MASS_MESSAGES))
                .toList();
    }

    private long submitNotBefore() throws Exception {
        try (Connection connection = TestDatabases.connect(database);
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT submit_not_before FROM campaign")) {
            assertThat(row.next()).isTrue();
            return row.getLong(1);
        }
    }
}
