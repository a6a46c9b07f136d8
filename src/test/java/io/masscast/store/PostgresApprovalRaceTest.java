package io.masscast.store;

import io.masscast.config.DatabaseSettings;

class PostgresApprovalRaceTest extends ApprovalRaceContractTest {
    @Override
    protected DatabaseSettings freshDatabase() {
        return TestDatabases.postgresConfig();
    }
}
