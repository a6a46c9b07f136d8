package io.masscast.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteStoreContractTest extends StoreContractTest {

    @TempDir
    Path directory;

    @Override
    protected StoreConfig freshDatabase() {
        return TestDatabases.sqliteConfig(directory);
    }
}
