package io.masscast.store;

import io.masscast.config.DatabaseSettings;

class PostgresAttachmentStoreContractTest extends AttachmentStoreContractTest {
    @Override
    protected DatabaseSettings freshDatabase() {
        return TestDatabases.postgresConfig();
    }
}
