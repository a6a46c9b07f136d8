package io.masscast.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.masscast.config.DatabaseSettings;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What is particular to SQLite: the file is set up for one writer with readers beside it. */
class SqliteDatabaseTest {

    @TempDir
    Path directory;

    @Test
    @SuppressWarnings("try") // the database only needs to be open
    void theFileIsInWriteAheadLogMode() throws SQLException {
        DatabaseSettings config = TestDatabases.sqliteConfig(directory);
        try (Database ignored = Database.open(config);
                Connection connection = TestDatabases.connect(config)) {
            assertThat(pragma(connection, "journal_mode")).isEqualTo("wal");
        }
    }

    @Test
    void aFileThatCannotBeCreatedFailsToOpen() {
        DatabaseSettings config = new DatabaseSettings(
                "jdbc:sqlite:" + directory.resolve("missing-dir").resolve("masscast.db"),
                Optional.empty(),
                Optional.empty());

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
