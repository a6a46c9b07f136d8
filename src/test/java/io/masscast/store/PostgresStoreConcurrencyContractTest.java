package io.masscast.store;

import io.masscast.config.DatabaseSettings;

class PostgresStoreConcurrencyContractTest extends StoreConcurrencyContractTest {

    @Override
    protected DatabaseSettings freshDatabase() {
        return TestDatabases.postgresConfig();
    }
}
