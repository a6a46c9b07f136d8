package io.masscast.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.masscast.config.DatabaseSettings;
import io.masscast.config.Secret;
import io.masscast.core.port.Stores;
import io.masscast.core.port.Transactor;
import io.masscast.core.port.WorkSignal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumSet;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The database: owns the connection pool, brings the schema up to date at start-up and runs work in
 * transactions. On SQLite there is one connection, so transactions run one after another (a single
 * writer never meets SQLITE_BUSY); on PostgreSQL a few run side by side at READ COMMITTED, and the
 * stores' conditional statements decide races. After a commit that left work for the background jobs (an
 * approved campaign, an outbox entry), the {@link WorkSignal} hears of it.
 */
public final class Database implements Transactor, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Database.class);

    private static final int POSTGRES_POOL_SIZE = 5;
    private static final int SQLITE_BUSY_TIMEOUT_MILLIS = 5_000;

    private final HikariDataSource pool;
    private final WorkSignal signal;
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);

    private Database(HikariDataSource pool, WorkSignal signal) {
        this.pool = pool;
        this.signal = signal;
    }

    /** Connects, migrates the schema and returns the ready database; fails with a {@link StoreException}. */
    public static Database open(DatabaseSettings config) {
        return open(config, WorkSignal.NONE);
    }

    /** As {@link #open(DatabaseSettings)}; {@code signal} hears of work that committed transactions left. */
    public static Database open(DatabaseSettings config, WorkSignal signal) {
        Objects.requireNonNull(signal, "signal");
        Dialect dialect = Dialect.of(config.url());
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(config, dialect));
        } catch (RuntimeException e) {
            throw new StoreException("Could not connect to " + config.safeUrl(), e);
        }
        try {
            MigrateResult result = migrate(pool, dialect);
            String version =
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
            log.info(
                    "Database {} ready at schema version {} ({} migrations applied)",
                    config.safeUrl(),
                    version,
                    result.migrationsExecuted);
            return new Database(pool, signal);
        } catch (FlywayException e) {
            pool.close();
            throw new StoreException("Could not migrate the schema of " + config.safeUrl(), e);
        }
    }

    /**
     * Runs the work in one transaction: commits when it returns, rolls back when it throws and rethrows
     * the same exception. SQL failures surface as {@link StoreException}. Transactions must not nest.
     */
    @Override
    public <T> T inTransaction(Function<Stores, T> work) {
        Objects.requireNonNull(work, "work");
        return onConnection((connection, written) -> work.apply(new JdbcStores(connection, written)));
    }

    /** Runs statements of this package (reports, copies) in one transaction, as {@link #inTransaction} does. */
    <T> T withSql(Function<Sql, T> work) {
        return onConnection((connection, written) -> work.apply(new Sql(connection)));
    }

    /**
     * Runs work on one connection in one transaction, as {@link #inTransaction} does; the work tells what it wrote, for
     * the jobs to be woken once it is committed.
     */
    <T> T onConnection(BiFunction<Connection, Consumer<WorkSignal.Work>, T> work) {
        if (inTransaction.get()) {
            // with one SQLite connection a nested transaction would wait for itself until the pool times out
            throw new IllegalStateException("inTransaction must not be called inside a transaction");
        }
        EnumSet<WorkSignal.Work> written = EnumSet.noneOf(WorkSignal.Work.class);
        T result;
        inTransaction.set(true);
        try (Connection connection = pool.getConnection()) {
            connection.setAutoCommit(false); // the pool restores auto-commit when the connection returns
            try {
                result = work.apply(connection, written::add);
                connection.commit();
            } catch (Throwable failure) {
                rollback(connection, failure);
                throw failure;
            }
        } catch (SQLException e) {
            throw StoreException.of("run a transaction", e);
        } finally {
            inTransaction.remove();
        }
        written.forEach(this::announce); // committed, and the connection is back in the pool for the jobs
        return result;
    }

    private void announce(WorkSignal.Work work) {
        try {
            signal.committed(work);
        } catch (RuntimeException e) {
            // the transaction stands; the jobs find its work at their next poll
            log.error("Could not signal committed {} work", work, e);
        }
    }

    /** Whether the database answers a trivial query now (for readiness checks). */
    public boolean isReachable() {
        try (Connection connection = pool.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            log.warn("Database is not reachable (SQLState {}): {}", e.getSQLState(), e.getMessage());
            return false;
        }
    }

    /**
     * The connection pool, for a library that keeps its own table in this database (the replicas' shared rate
     * budget); masscast's own statements go through {@link #inTransaction}.
     */
    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    private static HikariConfig poolConfig(DatabaseSettings config, Dialect dialect) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("masscast-db");
        pool.setJdbcUrl(config.url());
        config.user().ifPresent(pool::setUsername);
        config.password().map(Secret::reveal).ifPresent(pool::setPassword);
        switch (dialect) {
            case SQLITE -> {
                pool.setMaximumPoolSize(1);
                pool.addDataSourceProperty("journal_mode", "WAL");
                pool.addDataSourceProperty("foreign_keys", "true");
                // for another process on the same file (a second instance, the sqlite3 shell): wait, then write
                pool.addDataSourceProperty("busy_timeout", Integer.toString(SQLITE_BUSY_TIMEOUT_MILLIS));
                pool.addDataSourceProperty("transaction_mode", "IMMEDIATE");
            }
            case POSTGRESQL -> {
                pool.setMaximumPoolSize(POSTGRES_POOL_SIZE);
                pool.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
                // keep row values (message text, fan ids) out of exception messages
                pool.addDataSourceProperty("logServerErrorDetail", "false");
                pool.addDataSourceProperty("ApplicationName", "masscast");
            }
        }
        return pool;
    }

    private static MigrateResult migrate(DataSource dataSource, Dialect dialect) {
        return Flyway.configure(Database.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .placeholders(dialect.placeholders())
                .load()
                .migrate();
    }

    private static void rollback(Connection connection, Throwable failure) {
        try {
            connection.rollback();
        } catch (SQLException e) {
            failure.addSuppressed(e);
        }
    }
}
