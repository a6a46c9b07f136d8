package io.masscast.store;

import io.masscast.config.DatabaseSettings;

class PostgresOperationsStoreContractTest extends OperationsStoreContractTest {

    @Override
    protected DatabaseSettings freshDatabase() {
        return TestDatabases.postgresConfig();
    }
}
