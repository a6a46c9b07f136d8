package io.masscast.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to SQLite: the file is set up for one writer with readers beside it. */
class SqliteDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void theFileIsInWriteAheadLogMode() throws SQLException {
        StoreConfig config = TestDatabases.sqliteConfig(directory);
        try (Database ignored = Database.open(config);
             Connection connection = TestDatabases.connect(config)) {
            assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void aFileThatCannotBeCreatedFailsToOpen() {
        StoreConfig config = StoreConfig.of("jdbc:sqlite:" + directory.resolve("missing-dir").resolve("masscast.db"));

        assertThatThrownBy(() -> Database.open(config))
                .isInstanceOf(StoreException.class)
                .hasMessageStartingWith("Could not connect to jdbc:sqlite:");
    }

    private static String pragma(Connection connection, String name) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("PRAGMA " + name)) {
            result.next();
            return result.getString(1);
        }
    }
}
