package io.masscast.store;

import static io.masscast.store.StoreTestData.T0;
import static io.masscast.store.StoreTestData.aCampaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.model.AuditEvent;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.port.Stores;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the send path needs of every database (migration V2): one campaign per OFAuth message, enforced by the
 * schema, and a submitter's "not before" that outlives the process. Subclasses say which database.
 */
abstract class SendPathStoreContractTest {

    private DatabaseSettings config;
    private Database db;

    /** A new, empty database (not yet migrated) for one test. */
    protected abstract DatabaseSettings freshDatabase();

    private Database open() {
        config = freshDatabase();
        db = Database.open(config);
        return db;
    }

    @AfterEach
    void closeDatabase() {
        if (db != null) {
            db.close();
        }
    }

    private <T> T tx(Function<Stores, T> work) {
        return db.inTransaction(work);
    }

    private Campaign insert(Campaign campaign) {
        return tx(stores -> stores.campaigns().insert(campaign));
    }

    private List<Campaign> due(Instant now, int limit) {
        return tx(s -> s.campaigns().dueForSubmission(now, limit));
    }

    private Optional<Campaign> find(long id) {
        return tx(s -> s.campaigns().find(id));
    }

    private Optional<Campaign> byMessage(String connectionId, long messageId) {
        return tx(s -> s.campaigns().findByOfauthMessageId(connectionId, messageId));
    }

    private Optional<Campaign> update(Campaign changed) {
        return tx(s -> s.campaigns().update(changed));
    }

    private Campaign withMessage(Campaign campaign, long messageId) {
        return campaign.change()
                .state(CampaignState.SENT)
                .ofauthMessageId(Optional.of(messageId))
                .apply(T0.plusSeconds(5));
    }

    @Test
    void approvedCampaignsAreDueForSubmissionUnlessDeferredAndTheDeferralSurvivesARestart() {
        open();
        Campaign first =
                insert(aCampaign().state(CampaignState.APPROVED).updatedAt(T0).build());
        Campaign deferred = insert(aCampaign()
                .state(CampaignState.APPROVED)
                .updatedAt(T0.plusSeconds(1))
                .build());
        insert(aCampaign().state(CampaignState.PENDING_APPROVAL).build());
        tx(stores -> {
            stores.campaigns().deferSubmission(deferred.id(), T0.plusSeconds(30));
            return null;
        });
        db.close();
        db = Database.open(config);

        assertThat(due(T0.plusSeconds(29), 10)).containsExactly(first);
        assertThat(due(T0.plusSeconds(30), 10)).containsExactly(first, deferred);
        assertThat(due(T0.plusSeconds(30), 1)).containsExactly(first);
    }

    @Test
    void aDeferralIsNotPartOfTheVersionedCampaign() {
        open();
        Campaign approved = insert(aCampaign().state(CampaignState.APPROVED).build());
        tx(stores -> {
            stores.campaigns().deferSubmission(approved.id(), T0.plusSeconds(30));
            return null;
        });

        Campaign unchanged = find(approved.id()).orElseThrow();
        Campaign touched = update(unchanged.change().note(Optional.of("x")).apply(T0.plusSeconds(1)))
                .orElseThrow();

        assertThat(unchanged.version()).isEqualTo(approved.version());
        assertThat(due(T0.plusSeconds(29), 10)).doesNotContain(touched);
    }

    @Test
    void theCampaignOfAnOfAuthMessageIsFoundPerConnection() {
        open();
        Campaign mine = update(withMessage(insert(aCampaign().build()), 77)).orElseThrow();
        Campaign other = insert(aCampaign().connection("conn-other").build());
        Campaign otherWithSameId = update(withMessage(other, 77)).orElseThrow();

        assertThat(byMessage("conn-lola", 77)).contains(mine);
        assertThat(byMessage("conn-other", 77)).contains(otherWithSameId);
        assertThat(byMessage("conn-lola", 78)).isEmpty();
    }

    @Test
    void theSchemaRefusesASecondCampaignForTheSameOfAuthMessage() {
        open();
        update(withMessage(insert(aCampaign().build()), 77));
        Campaign second = insert(aCampaign().build());
        insert(aCampaign().build()); // many campaigns without a message are fine

        assertThatThrownBy(() -> update(withMessage(second, 77)))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not update campaign");
        assertThat(find(second.id()))
                .get()
                .extracting(Campaign::ofauthMessageId)
                .isEqualTo(Optional.empty());
    }

    @Test
    void upgradingADatabaseWhereTheReconcilerGaveOneMessageToTwoCampaignsPutsTheAdopterBackInDoubt()
            throws SQLException {
        config = freshDatabase();
        migrateTo("1");
        long sent;
        long adopter;
        try (Connection connection = TestDatabases.connect(config)) {
            sent = insertV1Campaign(connection, 1, "SENT", "record_accepted");
            adopter = insertV1Campaign(connection, 2, "SENT", "adopt");
        }

        db = Database.open(config);

        Campaign owner = find(sent).orElseThrow();
        Campaign doubtful = find(adopter).orElseThrow();
        assertThat(owner.state()).isEqualTo(CampaignState.SENT);
        assertThat(owner.ofauthMessageId()).contains(3409917724L);
        assertThat(doubtful.state()).isEqualTo(CampaignState.IN_DOUBT);
        assertThat(doubtful.ofauthMessageId()).isEmpty();
        assertThat(doubtful.sentAt()).isEmpty();
        assertThat(doubtful.note()).contains("matched to a message that belongs to another campaign; check OnlyFans");
        assertThat(doubtful.sendTime()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
        List<AuditEvent> history = tx(s -> s.audit().forCampaign(adopter));
        assertThat(history).last().satisfies(event -> {
            assertThat(event.action()).isEqualTo("unadopt");
            assertThat(event.from()).contains(CampaignState.SENT);
            assertThat(event.to()).isEqualTo(CampaignState.IN_DOUBT);
        });
        List<OutboxEntry> outbox = tx(s -> s.outbox().pending(StoreTestData.CHANNEL.platform(), 10));
        assertThat(outbox).extracting(OutboxEntry::campaignId).containsOnly(Optional.of(adopter));
        assertThat(outbox)
                .extracting(OutboxEntry::kind)
                .containsExactlyInAnyOrder(OutboxEntry.Kind.CARD, OutboxEntry.Kind.THREAD_NOTE);
        assertThat(outbox)
                .filteredOn(e -> e.kind() == OutboxEntry.Kind.THREAD_NOTE)
                .singleElement()
                .extracting(OutboxEntry::text)
                .isEqualTo("MC-2 had been matched to OFAuth message 3409917724, which"
                        + " another campaign with the same content owns. masscast can't tell whether MC-2 itself was sent:"
                        + " check OnlyFans, then press Mark as sent or Send again.");
        assertThatThrownBy(() -> update(withMessage(doubtful, 3409917724L))).isInstanceOf(StoreException.class);
    }

    private void migrateTo(String version) {
        Flyway.configure(Database.class.getClassLoader())
                .dataSource(config.url(), config.user().orElse(null), null)
                .locations("classpath:db/migration")
                .placeholders(Dialect.of(config.url()).placeholders())
                .target(version)
                .load()
                .migrate();
    }

    /** A sent campaign as V1 stored it, with OFAuth message 3409917724 and the audit event that gave it the id. */
    private static long insertV1Campaign(Connection connection, int number, String state, String action)
            throws SQLException {
        try (PreparedStatement campaign = connection.prepareStatement("""
                INSERT INTO campaign (platform, workspace_id, channel_id, number, connection_id, requester_id,
                    requester_name, created_at, text, markdown, locked_text, media, preview_count, price, user_ids, lists,
                    excluded_lists, state, fingerprint, updated_at, ofauth_message_id, request_started_at, sent_at,
                    send_time, version)
                VALUES ('SLACK', 'T1', 'C1', ?, 'conn-lola', 'U1', 'Una', 1699999990000, 'Same text', TRUE, FALSE, '[]',
                    0, '0', '[]', '["fans"]', '[]', ?, 'fp', 1700000001000, 3409917724, 1700000000000, 1700000001000,
                    1700000001000, 3)""")) {
            campaign.setInt(1, number);
            campaign.setString(2, state);
            campaign.executeUpdate();
        }
        long id;
        try (PreparedStatement find = connection.prepareStatement("SELECT id FROM campaign WHERE number = ?")) {
            find.setInt(1, number);
            try (var rows = find.executeQuery()) {
                rows.next();
                id = rows.getLong(1);
            }
        }
        try (PreparedStatement audit = connection.prepareStatement("""
                INSERT INTO audit_event (campaign_id, occurred_at, actor_id, action, from_state, to_state, fingerprint,
                    ofauth_message_id, detail)
                VALUES (?, 1700000001000, 'masscast', ?, 'IN_DOUBT', ?, 'fp', 3409917724, '')""")) {
            audit.setLong(1, id);
            audit.setString(2, action);
            audit.setString(3, state);
            audit.executeUpdate();
        }
        return id;
    }
}
