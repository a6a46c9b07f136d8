package io.masscast.store;

import io.masscast.config.DatabaseSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteOperationsStoreContractTest extends OperationsStoreContractTest {

    @TempDir
    Path directory;

    @Override
    protected DatabaseSettings freshDatabase() {
        return TestDatabases.sqliteConfig(directory);
    }
}
