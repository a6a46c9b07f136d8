package io.masscast.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteApprovalRaceTest extends ApprovalRaceContractTest {
    @TempDir
    Path folder;

    @Override
    protected StoreConfig freshDatabase() {
        return TestDatabases.sqliteConfig(folder);
    }
}
