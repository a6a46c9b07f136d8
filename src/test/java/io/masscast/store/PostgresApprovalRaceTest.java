package io.masscast.store;

class PostgresApprovalRaceTest extends ApprovalRaceContractTest {
    @Override
    protected StoreConfig freshDatabase() {
        return TestDatabases.postgresConfig();
    }
}
