package io.masscast.store;

import io.masscast.config.DatabaseSettings;

class PostgresAbTestStoreContractTest extends AbTestStoreContractTest {
    @Override
    protected DatabaseSettings freshDatabase() {
        return TestDatabases.postgresConfig();
    }
}
