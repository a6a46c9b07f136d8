package io.masscast.store;

import static io.masscast.store.StoreTestData.T0;
import static io.masscast.store.StoreTestData.aCampaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.core.model.Campaign;
import io.masscast.core.model.CampaignState;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.port.WorkSignal.Work;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The database tells the jobs about work only once it is committed: what the signal's listener reads in a
 * transaction of its own is already there, and a transaction that rolls back tells nothing.
 */
class WorkSignalTest {
    @TempDir
    Path directory;

    private final List<Work> signalled = new ArrayList<>();
    private final List<String> seenByListener = new ArrayList<>();
    private Database database;

    @BeforeEach
    void open() {
        database = Database.open(TestDatabases.sqliteConfig(directory), work -> {
            signalled.add(work);
            // what a woken job does first: read its work in a transaction of its own
            seenByListener.add(work + ": "
                    + database.inTransaction(stores -> switch (work) {
                        case OUTBOX -> stores.outbox().hasPending() ? "entry pending" : "nothing pending";
                        case SUBMISSION ->
                            stores.campaigns()
                                            .dueForSubmission(T0.plusSeconds(3600), 10)
                                            .size() + " due";
                    }));
        });
    }

    @Test
    void anOutboxEntryIsSignalledAfterItsCommitOnce() {
        Campaign campaign = database.inTransaction(
                stores -> stores.campaigns().insert(aCampaign().build()));
        signalled.clear();
        seenByListener.clear();

        database.inTransaction(stores -> {
            stores.outbox().enqueue(OutboxEntry.card(campaign, T0));
            stores.outbox().enqueue(OutboxEntry.threadNote(campaign, "note", T0));
            assertThat(signalled).as("nothing is signalled before the commit").isEmpty();
            return null;
        });

        assertThat(signalled).containsExactly(Work.OUTBOX);
        assertThat(seenByListener).containsExactly("OUTBOX: entry pending");
    }

    @Test
    void anApprovedCampaignIsSignalledAsSubmissionWorkAfterItsCommit() {
        Campaign pending = database.inTransaction(
                stores -> stores.campaigns().insert(aCampaign().build()));
        assertThat(signalled).isEmpty();

        database.inTransaction(stores -> stores.campaigns()
                .update(pending.change().state(CampaignState.APPROVED).apply(T0)));

        assertThat(signalled).containsExactly(Work.SUBMISSION);
        assertThat(seenByListener).containsExactly("SUBMISSION: 1 due");
    }

    @Test
    void otherChangesOfACampaignAreNoSubmissionWork() {
        Campaign pending = database.inTransaction(
                stores -> stores.campaigns().insert(aCampaign().build()));

        database.inTransaction(stores -> stores.campaigns()
                .update(pending.change().state(CampaignState.REJECTED).apply(T0)));

        assertThat(signalled).isEmpty();
    }

    @Test
    void aTransactionThatRollsBackSignalsNothing() {
        Campaign pending = database.inTransaction(
                stores -> stores.campaigns().insert(aCampaign().build()));

        assertThatThrownBy(() -> database.inTransaction(stores -> {
                    stores.campaigns()
                            .update(pending.change()
                                    .state(CampaignState.APPROVED)
                                    .apply(T0));
                    stores.outbox().enqueue(OutboxEntry.card(pending, T0));
                    throw new IllegalStateException("changed my mind");
                }))
                .hasMessage("changed my mind");

        assertThat(signalled).isEmpty();
        assertThat(pending()).isFalse();
    }

    @Test
    void aListenerThatFailsLeavesTheTransactionCommitted() {
        database.close();
        database = Database.open(TestDatabases.sqliteConfig(directory), work -> {
            throw new IllegalStateException("listener broke");
        });
        Campaign campaign = database.inTransaction(
                stores -> stores.campaigns().insert(aCampaign().build()));

        database.inTransaction(stores -> {
            stores.outbox().enqueue(OutboxEntry.card(campaign, T0));
            return null;
        });

        assertThat(pending()).isTrue();
    }

    private boolean pending() {
        return database.inTransaction(stores -> stores.outbox().hasPending());
    }

    @AfterEach
    void close() {
        database.close();
    }
}
