package io.masscast.store;

import io.masscast.config.DatabaseSettings;

class PostgresDigestStoreContractTest extends DigestStoreContractTest {

    @Override
    protected DatabaseSettings freshDatabase() {
        return TestDatabases.postgresConfig();
    }
}
