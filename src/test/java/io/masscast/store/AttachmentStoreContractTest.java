package io.masscast.store;

import static io.masscast.store.StoreTestData.T0;
import static io.masscast.store.StoreTestData.aCampaign;
import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.model.Attachment;
import io.masscast.core.port.Stores;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Files attached from chat behind the store port, on every database. */
abstract class AttachmentStoreContractTest {
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

    private long campaign() {
        return tx(stores -> stores.campaigns().insert(aCampaign().build()).id());
    }

    private void add(long campaignId, List<Attachment> attachments) {
        tx(stores -> {
            stores.attachments().add(campaignId, attachments, T0);
            return null;
        });
    }

    private List<Attachment> of(long campaignId) {
        return tx(stores -> stores.attachments().forCampaign(campaignId));
    }

    @Test
    void attachmentsReadBackAsAddedInOrderIncludingAReferenceAlreadyUsed() {
        long first = campaign();
        long second = campaign();
        Attachment fresh = new Attachment(
                "upload:a", Optional.of(48_000_001L), "set 1.jpg", "image/jpeg", 2_500, Optional.empty());
        Attachment noVaultId =
                new Attachment("upload:b", Optional.empty(), "b.mp4", "video/mp4", 9_000, Optional.empty());
        // the same file for another message of an A/B test: its reference counts as used, its vault id is sent
        Attachment used = fresh.usedAt(T0.plusSeconds(5));

        add(first, List.of(fresh, noVaultId));
        add(second, List.of(used));

        assertThat(of(first)).containsExactly(fresh, noVaultId);
        assertThat(of(second)).containsExactly(used);
        assertThat(used.forRequest().toString()).isEqualTo("48000001");
    }

    @Test
    void markingReferencesSpentTouchesOnlyThatCampaign() {
        long first = campaign();
        long second = campaign();
        Attachment file = new Attachment(
                "upload:a", Optional.of(48_000_001L), "set 1.jpg", "image/jpeg", 2_500, Optional.empty());
        add(first, List.of(file));
        add(second, List.of(file));

        tx(stores -> {
            stores.attachments().markReferencesSpent(first, T0.plusSeconds(60));
            return null;
        });

        assertThat(of(first)).extracting(Attachment::referenceSpentAt).containsExactly(Optional.of(T0.plusSeconds(60)));
        assertThat(of(second)).extracting(Attachment::referenceSpentAt).containsExactly(Optional.empty());
    }
}
