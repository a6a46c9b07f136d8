package io.masscast.store;

class PostgresStoreConcurrencyContractTest extends StoreConcurrencyContractTest {

    @Override
    protected StoreConfig freshDatabase() {
        return TestDatabases.postgresConfig();
    }
}
