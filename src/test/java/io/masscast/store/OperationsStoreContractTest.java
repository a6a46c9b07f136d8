package io.masscast.store;

import static io.masscast.store.StoreTestData.CHANNEL;
import static io.masscast.store.StoreTestData.T0;
import static io.masscast.store.StoreTestData.aCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ConnectionHealth;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.Platform;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What operations read and share on every database: the report behind the {@code /metrics} gauges, and the memory of
 * Slack request signatures that replicas share (each test opens the database twice where it plays two replicas).
 */
abstract class OperationsStoreContractTest {
    private static final ChannelRef DISCORD_CHANNEL = new ChannelRef(Platform.DISCORD, "G-agency", "C-mila");

    private DatabaseSettings settings;
    private Database db;

    protected abstract DatabaseSettings freshDatabase();

    @BeforeEach
    void openDatabase() {
        settings = freshDatabase();
        db = Database.open(settings);
    }

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    @Test
    void theReportCountsCampaignsByStateAndMeasuresEachPlatformsOutbox() {
        Campaign sent = insert(aCampaign().state(CampaignState.SENT).build());
        insert(aCampaign().state(CampaignState.IN_DOUBT).build());
        insert(aCampaign().state(CampaignState.IN_DOUBT).build());
        Campaign pending = insert(aCampaign().in(DISCORD_CHANNEL).build());
        db.inTransaction(stores -> {
            stores.outbox().enqueue(OutboxEntry.card(sent, T0.plusSeconds(30)));
            stores.outbox().enqueue(OutboxEntry.threadNote(sent, "note", T0.plusSeconds(90)));
            stores.outbox().enqueue(OutboxEntry.card(pending, T0.plusSeconds(60)));
            return null;
        });
        long retried = db.inTransaction(
                stores -> stores.outbox().pending(Platform.SLACK, 10).get(0).id());
        db.inTransaction(stores -> {
            stores.outbox().retryLater(retried, T0.plus(Duration.ofHours(1)), "SlackCallFailed");
            return null;
        });

        OperationsReport.Snapshot report = new OperationsReport(db).read();

        assertThat(report.campaigns())
                .containsOnly(
                        Map.entry(CampaignState.SENT, 1L),
                        Map.entry(CampaignState.IN_DOUBT, 2L),
                        Map.entry(CampaignState.PENDING_APPROVAL, 1L));
        assertThat(report.outbox())
                .containsOnly(
                        Map.entry(Platform.SLACK, new OperationsReport.Backlog(2, Optional.of(T0.plusSeconds(30)))),
                        Map.entry(Platform.DISCORD, new OperationsReport.Backlog(1, Optional.of(T0.plusSeconds(60)))));
    }

    @Test
    void theReportNamesEveryBoundConnectionWithItsHealthAndNextPoll() {
        db.inTransaction(stores -> {
            stores.bindings().save(StoreTestData.plainBinding(CHANNEL));
            stores.bindings().save(StoreTestData.plainBinding(DISCORD_CHANNEL));
            stores.bindings().save(StoreTestData.plainBinding(new ChannelRef(Platform.SLACK, "T-agency", "C-never")));
            stores.connections()
                    .changeHealth(
                            "conn-" + DISCORD_CHANNEL.channelId(),
                            List.of(ConnectionHealth.ACTIVE),
                            ConnectionHealth.EXPIRED,
                            "session expired",
                            T0);
            stores.connections().schedulePoll("conn-" + CHANNEL.channelId(), T0.plusSeconds(60), 0, T0);
            return null;
        });

        OperationsReport.Snapshot report = new OperationsReport(db).read();

        assertThat(report.connections())
                .containsOnly(Map.entry(ConnectionHealth.ACTIVE, 2L), Map.entry(ConnectionHealth.EXPIRED, 1L));
        assertThat(report.nextPollAt()).containsOnly(Map.entry("conn-" + CHANNEL.channelId(), T0.plusSeconds(60)));
    }

    @Test
    void anEmptyDatabaseReportsNothing() {
        OperationsReport.Snapshot report = new OperationsReport(db).read();

        assertThat(report.campaigns()).isEmpty();
        assertThat(report.outbox()).isEmpty();
        assertThat(report.connections()).isEmpty();
    }

    @Test
    void aSignatureSeenByOneReplicaIsRefusedByAnother() {
        try (Database otherReplica = Database.open(settings)) {
            JdbcSeenRequests first = new JdbcSeenRequests(db);
            JdbcSeenRequests second = new JdbcSeenRequests(otherReplica);
            Instant until = T0.plus(Duration.ofMinutes(6));

            assertThat(first.firstSeen("v0=abc", T0, until)).isTrue();
            assertThat(second.firstSeen("v0=abc", T0.plusSeconds(1), until))
                    .as("a replay to the other replica")
                    .isFalse();
            assertThat(first.firstSeen("v0=abc", T0.plusSeconds(2), until))
                    .as("a replay to the same replica")
                    .isFalse();
            assertThat(second.firstSeen("v0=def", T0.plusSeconds(3), until))
                    .as("another request")
                    .isTrue();
        }
    }

    @Test
    void aSignatureIsForgottenOnceItCouldNoLongerBeReplayed() {
        JdbcSeenRequests seen = new JdbcSeenRequests(db);
        Instant until = T0.plus(Duration.ofMinutes(6));
        seen.firstSeen("v0=abc", T0, until);
        seen.firstSeen("v0=old", T0, T0.plusSeconds(10));

        assertThat(seen.firstSeen("v0=abc", until, until.plusSeconds(1)))
                .as("still remembered at its last instant")
                .isFalse();
        assertThat(seen.firstSeen("v0=abc", until.plusMillis(1), until.plus(Duration.ofMinutes(6))))
                .isTrue();
        assertThat(rowsOfSeenRequests()).as("expired signatures are swept").isEqualTo(1);
    }

    private long rowsOfSeenRequests() {
        return db.withSql(sql -> sql.one("count", "SELECT COUNT(*) AS n FROM seen_request", row -> row.longValue("n"))
                .orElseThrow());
    }

    private Campaign insert(Campaign campaign) {
        return db.inTransaction(stores -> stores.campaigns().insert(campaign));
    }
}
