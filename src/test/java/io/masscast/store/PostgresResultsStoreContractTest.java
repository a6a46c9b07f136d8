package io.masscast.store;

import io.masscast.config.DatabaseSettings;

class PostgresResultsStoreContractTest extends ResultsStoreContractTest {
    @Override
    protected DatabaseSettings freshDatabase() {
        return TestDatabases.postgresConfig();
    }
}
