package io.masscast.store;

import static io.masscast.store.StoreTestData.T0;
import static io.masscast.store.StoreTestData.aCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.ConnectionHealth;
import io.masscast.core.model.ConnectionState;
import io.masscast.core.model.Fan;
import io.masscast.core.model.StatsFigures;
import io.masscast.core.model.StatsSnapshot;
import io.masscast.core.port.Stores;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Campaign results and per-connection state behind the store ports, on every database. */
abstract class ResultsStoreContractTest {
    private static final StatsFigures FIGURES = new StatsFigures(2412, 1085, 97, new BigDecimal("1212.50"), false);

    private Database db;

    protected abstract DatabaseSettings freshDatabase();

    @BeforeEach
    void open() {
        db = Database.open(freshDatabase());
    }

    @AfterEach
    void close() {
        db.close();
    }

    private <T> T tx(Function<Stores, T> work) {
        return db.inTransaction(work);
    }

    private Campaign campaign(String connection, CampaignState state, Instant sentAt, Optional<Long> messageId) {
        return tx(stores -> {
            Campaign inserted = stores.campaigns()
                    .insert(aCampaign().connection(connection).sentAt(sentAt).build());
            return stores.campaigns()
                    .update(inserted.change()
                            .state(state)
                            .ofauthMessageId(messageId)
                            .apply(T0))
                    .orElseThrow();
        });
    }

    @Test
    void statsRoundTripEveryFieldAndRecipientsAreKeptApart() {
        long id = campaign("conn-a", CampaignState.SENT, T0, Optional.of(1L)).id();
        CampaignStats stats = new CampaignStats(
                id,
                Optional.empty(),
                FIGURES,
                Optional.of(T0.plusSeconds(60)),
                Optional.of(T0.plusSeconds(30)),
                true,
                Optional.of(T0.plusSeconds(90)),
                95,
                Optional.of(1751360001L),
                Optional.of(T0.plusSeconds(45)));

        tx(stores -> {
            stores.stats().recordRecipients(id, 2412);
            stores.stats().save(stats);
            return null;
        });
        CampaignStats stored = tx(stores -> stores.stats().find(id)).orElseThrow();

        assertThat(stored)
                .isEqualTo(new CampaignStats(
                        id,
                        Optional.of(2412L),
                        FIGURES,
                        stats.asOf(),
                        stats.sentChangedAt(),
                        true,
                        stats.missingSince(),
                        95,
                        stats.buyerMarker(),
                        stats.lastBuyerNoteAt()));
        assertThat(stored.figures().revenue()).hasToString("1212.50");
        tx(stores -> {
            stores.stats().save(CampaignStats.none(id));
            return null;
        });
        assertThat(tx(stores -> stores.stats().find(id)).orElseThrow().recipients())
                .as("save leaves recipients alone")
                .contains(2412L);
    }

    @Test
    void snapshotsComeBackOldestFirst() {
        long id = campaign("conn-a", CampaignState.SENT, T0, Optional.of(1L)).id();
        StatsSnapshot later = new StatsSnapshot(id, T0.plusSeconds(120), FIGURES);
        StatsSnapshot earlier = new StatsSnapshot(id, T0.plusSeconds(60), StatsFigures.NONE);

        tx(stores -> {
            stores.stats().addSnapshot(later);
            stores.stats().addSnapshot(earlier);
            return null;
        });

        assertThat(this.<List<StatsSnapshot>>tx(stores -> stores.stats().snapshots(id)))
                .containsExactly(earlier, later);
    }

    @Test
    void eachBuyerIsStoredOnceAndAnnouncedOnce() {
        Campaign campaign = campaign("conn-a", CampaignState.SENT, T0, Optional.of(1L));
        long id = campaign.id();
        Fan dan = new Fan("60041892", "dan.k", "Dan");
        Fan jake = new Fan("51277310", "u51277310", "Jake 🔥");

        int first = tx(stores -> stores.stats().addBuyers(id, List.of(dan, jake), T0));
        int again = tx(stores -> stores.stats().addBuyers(id, List.of(jake, new Fan("7", "mia", "Mia")), T0));

        assertThat(first).isEqualTo(2);
        assertThat(again).isEqualTo(1);
        assertThat(this.<Long>tx(stores -> stores.stats().buyerCount(id))).isEqualTo(3);
        assertThat(this.<List<Fan>>tx(stores -> stores.stats().unannouncedBuyers(id)))
                .extracting(Fan::name)
                .containsExactly("Dan", "Jake 🔥", "Mia");
        assertThat(this.<List<Long>>tx(stores -> stores.stats().withUnannouncedBuyers("conn-a")))
                .containsExactly(id);
        assertThat(this.<List<Long>>tx(stores -> stores.stats().withUnannouncedBuyers("conn-b")))
                .isEmpty();

        assertThat(this.<Integer>tx(stores -> stores.stats().markAnnounced(id, T0)))
                .isEqualTo(3);
        assertThat(this.<Integer>tx(stores -> stores.stats().markAnnounced(id, T0)))
                .isZero();
        assertThat(this.<List<Fan>>tx(stores -> stores.stats().unannouncedBuyers(id)))
                .isEmpty();
        assertThat(this.<List<Long>>tx(stores -> stores.stats().withUnannouncedBuyers("conn-a")))
                .isEmpty();
    }

    @Test
    void followedCampaignsAreScheduledOrSendingOrSentSinceAndKnownToOfAuth() {
        Instant since = T0.plus(Duration.ofDays(1));
        Campaign scheduled = campaign("conn-a", CampaignState.SCHEDULED, T0, Optional.of(1L));
        Campaign sendingLongAgo =
                campaign("conn-a", CampaignState.SENDING, T0.minus(Duration.ofDays(30)), Optional.of(2L));
        Campaign sentRecently = campaign("conn-a", CampaignState.SENT, since.plusSeconds(5), Optional.of(3L));
        campaign("conn-a", CampaignState.SENT, since.minusSeconds(5), Optional.of(4L));
        campaign("conn-a", CampaignState.SENT, since.plusSeconds(9), Optional.empty()); // marked sent by hand
        campaign("conn-a", CampaignState.UNSENT, since.plusSeconds(9), Optional.of(5L));
        campaign("conn-b", CampaignState.SENT, since.plusSeconds(9), Optional.of(6L));

        assertThat(this.<List<Campaign>>tx(stores -> stores.campaigns().tracked("conn-a", since)))
                .extracting(Campaign::id)
                .containsExactly(sendingLongAgo.id(), scheduled.id(), sentRecently.id());
    }

    @Test
    void aConnectionStartsActiveAndItsHealthChangesOnlyFromTheStatesGiven() {
        assertThat(this.<Optional<ConnectionState>>tx(
                        stores -> stores.connections().find("conn-a")))
                .isEmpty();

        boolean suspected = tx(stores -> stores.connections()
                .changeHealth(
                        "conn-a", List.of(ConnectionHealth.ACTIVE), ConnectionHealth.SUSPECT, "a call said so", T0));
        boolean notFromActive = tx(stores -> stores.connections()
                .changeHealth(
                        "conn-a",
                        List.of(ConnectionHealth.ACTIVE),
                        ConnectionHealth.EXPIRED,
                        "again",
                        T0.plusSeconds(1)));

        assertThat(suspected).isTrue();
        assertThat(notFromActive).isFalse();
        assertThat(this.<Optional<ConnectionState>>tx(
                        stores -> stores.connections().find("conn-a")))
                .contains(new ConnectionState(
                        "conn-a",
                        ConnectionHealth.SUSPECT,
                        T0,
                        "a call said so",
                        Optional.empty(),
                        Optional.empty(),
                        0));
        assertThat(this.<List<ConnectionState>>tx(stores -> stores.connections().unhealthy()))
                .extracting(ConnectionState::connectionId)
                .containsExactly("conn-a");
    }

    @Test
    void pollAndProbeSchedulesAreSetWithoutTouchingTheHealth() {
        tx(stores -> {
            stores.connections()
                    .changeHealth("conn-a", List.of(ConnectionHealth.ACTIVE), ConnectionHealth.EXPIRED, "gone", T0);
            stores.connections().schedulePoll("conn-a", T0.plusSeconds(80), 4, T0);
            stores.connections().scheduleProbe("conn-a", T0.plusSeconds(900), T0);
            stores.connections().schedulePoll("conn-new", T0.plusSeconds(60), 0, T0);
            return null;
        });

        assertThat(this.<Optional<ConnectionState>>tx(
                        stores -> stores.connections().find("conn-a")))
                .contains(new ConnectionState(
                        "conn-a",
                        ConnectionHealth.EXPIRED,
                        T0,
                        "gone",
                        Optional.of(T0.plusSeconds(900)),
                        Optional.of(T0.plusSeconds(80)),
                        4));
        assertThat(this.<Optional<ConnectionState>>tx(
                        stores -> stores.connections().find("conn-new")))
                .hasValueSatisfying(state -> {
                    assertThat(state.health()).isEqualTo(ConnectionHealth.ACTIVE);
                    assertThat(state.nextPollAt()).contains(T0.plusSeconds(60));
                });
    }

    @Test
    void anEventIdIsRecordedOnce() {
        assertThat(this.<Boolean>tx(stores -> stores.connections().recordEvent("evt_1", "connection.expired", T0)))
                .isTrue();
        assertThat(this.<Boolean>tx(stores -> stores.connections().recordEvent("evt_1", "connection.expired", T0)))
                .isFalse();
        assertThat(this.<Boolean>tx(stores -> stores.connections().recordEvent("evt_2", "connection.updated", T0)))
                .isTrue();
    }
}
