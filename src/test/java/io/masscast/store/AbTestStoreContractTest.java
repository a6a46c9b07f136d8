package io.masscast.store;

import static io.masscast.store.StoreTestData.T0;
import static io.masscast.store.StoreTestData.aCampaign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.config.DatabaseSettings;
import io.masscast.core.model.AbPart;
import io.masscast.core.model.AbSplit;
import io.masscast.core.model.AbTest;
import io.masscast.core.port.Stores;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A/B tests behind the store port, on every database. */
abstract class AbTestStoreContractTest {
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

    private Optional<AbTest> find(long testId) {
        return tx(stores -> stores.tests().find(testId));
    }

    private List<AbPart> parts(long testId) {
        return tx(stores -> stores.tests().parts(testId));
    }

    private Optional<AbPart> partOf(long campaignId) {
        return tx(stores -> stores.tests().partOf(campaignId));
    }

    private boolean advance(long testId, long version) {
        return tx(stores -> stores.tests().advance(testId, version));
    }

    private long campaign() {
        return tx(stores -> stores.campaigns().insert(aCampaign().build()).id());
    }

    @Test
    void aTestRoundTripsWithItsPartsInVariantOrder() {
        AbTest test = tx(stores -> stores.tests()
                .insert(new AbTest(
                        0, AbSplit.RANDOM, Optional.of(-4_611_686_018_427_387_904L), Optional.of(2192L), 1000, T0, 0)));
        long a1 = campaign();
        long b1 = campaign();
        long a2 = campaign();
        tx(stores -> {
            stores.tests().addPart(new AbPart(test.id(), b1, "B", 1));
            stores.tests().addPart(new AbPart(test.id(), a2, "A", 2));
            stores.tests().addPart(new AbPart(test.id(), a1, "A", 1));
            return null;
        });

        assertThat(test.id()).isPositive();
        assertThat(test.version()).isEqualTo(1);
        assertThat(find(test.id()))
                .contains(new AbTest(
                        test.id(),
                        AbSplit.RANDOM,
                        Optional.of(-4_611_686_018_427_387_904L),
                        Optional.of(2192L),
                        1000,
                        T0,
                        1));
        assertThat(parts(test.id()))
                .containsExactly(
                        new AbPart(test.id(), a1, "A", 1),
                        new AbPart(test.id(), a2, "A", 2),
                        new AbPart(test.id(), b1, "B", 1));
        assertThat(partOf(b1)).contains(new AbPart(test.id(), b1, "B", 1));
        assertThat(partOf(campaign())).isEmpty();
    }

    @Test
    void aListsSplitHasNoSeed() {
        AbTest test = tx(stores ->
                stores.tests().insert(new AbTest(0, AbSplit.LISTS, Optional.empty(), Optional.empty(), 500, T0, 0)));

        assertThat(find(test.id()).orElseThrow())
                .satisfies(stored -> assertThat(stored.seed()).isEmpty())
                .satisfies(stored -> assertThat(stored.poolSize()).isEmpty());
    }

    @Test
    void ofTwoDecisionsOnOneVersionOnlyTheFirstAdvancesTheTest() {
        AbTest test = tx(stores ->
                stores.tests().insert(new AbTest(0, AbSplit.LISTS, Optional.empty(), Optional.empty(), 500, T0, 0)));

        assertThat(advance(test.id(), 1)).isTrue();
        assertThat(advance(test.id(), 1)).isFalse();
        assertThat(find(test.id()).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void aCampaignBelongsToOneTestAtMost() {
        AbTest first = tx(stores ->
                stores.tests().insert(new AbTest(0, AbSplit.LISTS, Optional.empty(), Optional.empty(), 500, T0, 0)));
        AbTest second = tx(stores ->
                stores.tests().insert(new AbTest(0, AbSplit.LISTS, Optional.empty(), Optional.empty(), 500, T0, 0)));
        long campaign = campaign();
        tx(stores -> {
            stores.tests().addPart(new AbPart(first.id(), campaign, "A", 1));
            return null;
        });

        assertThatThrownBy(() -> tx(stores -> {
                    stores.tests().addPart(new AbPart(second.id(), campaign, "B", 1));
                    return null;
                }))
                .isInstanceOf(RuntimeException.class);
        assertThat(parts(second.id())).isEqualTo(List.of());
    }
}
