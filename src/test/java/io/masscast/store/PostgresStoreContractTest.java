package io.masscast.store;

import io.masscast.config.DatabaseSettings;

class PostgresStoreContractTest extends StoreContractTest {

    @Override
    protected DatabaseSettings freshDatabase() {
        return TestDatabases.postgresConfig();
    }
}
