package io.masscast.store;

import io.masscast.config.DatabaseSettings;
import io.masscast.config.Secret;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Real databases for tests, migrated and ready: a SQLite file in a temporary directory, or a fresh
 * database on an embedded PostgreSQL 14 that is started once per JVM (on first use) and stopped at exit.
 *
 * <pre>{@code
 * @TempDir Path dir;
 * try (Database db = TestDatabases.sqlite(dir)) { ... }
 * try (Database db = TestDatabases.postgres()) { ... }
 * }</pre>
 */
public final class TestDatabases {

    private static final AtomicInteger createdDatabases = new AtomicInteger();

    private TestDatabases() {}

    public static Database sqlite(Path directory) {
        return Database.open(sqliteConfig(directory));
    }

    public static Database postgres() {
        return Database.open(postgresConfig());
    }

    /** A SQLite file {@code masscast.db} in the directory (created on open). */
    public static DatabaseSettings sqliteConfig(Path directory) {
        return new DatabaseSettings(
                "jdbc:sqlite:" + directory.resolve("masscast.db"), Optional.empty(), Optional.empty());
    }

    /** A new, empty database on the shared embedded PostgreSQL; open it as often as needed. */
    public static DatabaseSettings postgresConfig() {
        EmbeddedPostgres server = SharedPostgres.SERVER;
        String name = "masscast_test_" + createdDatabases.incrementAndGet();
        try (Connection admin = server.getPostgresDatabase().getConnection();
                Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return new DatabaseSettings(
                "jdbc:postgresql://localhost:" + server.getPort() + "/" + name,
                Optional.of("postgres"),
                Optional.empty());
    }

    /** A plain JDBC connection (auto-commit) for looking at the tables behind the stores. */
    public static Connection connect(DatabaseSettings config) throws SQLException {
        return DriverManager.getConnection(
                config.url(),
                config.user().orElse(null),
                config.password().map(Secret::reveal).orElse(null));
    }

    /** Started on first use (class initialisation is thread-safe and lazy). */
    private static final class SharedPostgres {
        static final EmbeddedPostgres SERVER = start();

        private static EmbeddedPostgres start() {
            try {
                EmbeddedPostgres server = EmbeddedPostgres.builder()
                        .setServerConfig("fsync", "off") // test data need not survive a power cut
                        .start();
                Runtime.getRuntime()
                        .addShutdownHook(new Thread(
                                () -> {
                                    try {
                                        server.close();
                                    } catch (IOException e) {
                                        System.err.println("could not stop embedded PostgreSQL: " + e);
                                    }
                                },
                                "embedded-postgres-shutdown"));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("could not start embedded PostgreSQL", e);
            }
        }
    }
}
