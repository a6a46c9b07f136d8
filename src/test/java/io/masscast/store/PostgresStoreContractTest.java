package io.masscast.store;

class PostgresStoreContractTest extends StoreContractTest {

    @Override
    protected StoreConfig freshDatabase() {
        return TestDatabases.postgresConfig();
    }
}
