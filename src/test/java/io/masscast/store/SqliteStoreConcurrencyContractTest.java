package io.masscast.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreConcurrencyContractTest extends StoreConcurrencyContractTest {

    @TempDir
    Path directory;

    @Override
    protected StoreConfig freshDatabase() {
        return TestDatabases.sqliteConfig(directory);
    }
}
