package io.masscast.store;

import io.masscast.config.DatabaseSettings;

class PostgresSubmissionRaceTest extends SubmissionRaceContractTest {
    @Override
    protected DatabaseSettings freshDatabase() {
        return TestDatabases.postgresConfig();
    }
}
