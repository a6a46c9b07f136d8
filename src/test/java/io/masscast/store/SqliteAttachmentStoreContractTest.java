package io.masscast.store;

import io.masscast.config.DatabaseSettings;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class SqliteAttachmentStoreContractTest extends AttachmentStoreContractTest {
    @TempDir
    Path folder;

    @Override
    protected DatabaseSettings freshDatabase() {
        return TestDatabases.sqliteConfig(folder);
    }
}
