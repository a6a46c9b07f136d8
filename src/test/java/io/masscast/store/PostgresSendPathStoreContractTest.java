package io.masscast.store;

import io.masscast.config.DatabaseSettings;

class PostgresSendPathStoreContractTest extends SendPathStoreContractTest {

    @Override
    protected DatabaseSettings freshDatabase() {
        return TestDatabases.postgresConfig();
    }
}
