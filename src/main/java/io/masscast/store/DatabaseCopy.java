package io.masscast.store;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Copies every table of one migrated masscast database into another, empty one at the same schema version (SQLite to
 * PostgreSQL, when a team moves to replicas): rows keep their ids, tables go in an order that satisfies their foreign
 * keys, the target's id sequences continue after the copied ids, and the target is written in one transaction (a failed
 * copy leaves it empty). The source is read in one transaction too, so the copy is one moment of it.
 */
public final class DatabaseCopy {
    /** Flyway's own bookkeeping: each side has its own, written by its migration. */
    private static final String SCHEMA_HISTORY = "flyway_schema_history";

    private static final int BATCH = 500;

    private final Database source;
    private final Database target;

    public DatabaseCopy(Database source, Database target) {
        this.source = source;
        this.target = target;
    }

    /** A copy that cannot start; the message says what to do. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** The leases a running masscast holds on the source at {@code now}: name to holder, empty when none runs. */
    public Map<String, String> liveLeases(Instant now) {
        Map<String, String> live = new LinkedHashMap<>();
        try (Connection connection = source.dataSource().getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT name, owner FROM lease WHERE expires_at > ? ORDER BY name")) {
            query.setLong(1, now.toEpochMilli());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    live.put(rows.getString(1), rows.getString(2));
                }
            }
            return live;
        } catch (SQLException e) {
            throw new StoreException("could not read the leases", e);
        }
    }

    /**
     * Copies every row; refuses a target that holds any. Returns the tables copied, in the order they were written.
     */
    public List<String> copy() {
        try (Connection from = source.dataSource().getConnection();
                Connection to = target.dataSource().getConnection()) {
            List<String> tables = tablesInForeignKeyOrder(to);
            Set<String> sourceTables = new TreeSet<>(tables(from));
            if (!sourceTables.equals(new TreeSet<>(tables))) {
                throw new Refused("the two databases have different tables (" + sourceTables + " and "
                        + new TreeSet<>(tables) + "): run this version of masscast on each first");
            }
            Map<String, Long> present = counts(to, tables);
            present.values().removeIf(count -> count == 0);
            if (!present.isEmpty()) {
                throw new Refused("the target database is not empty (" + describe(present)
                        + "): copy into a new, empty database");
            }
            from.setAutoCommit(false);
            to.setAutoCommit(false);
            try {
                for (String table : tables) {
                    copyTable(from, to, table);
                }
                continueSequences(to, tables);
                to.commit();
                from.commit();
            } catch (SQLException | RuntimeException e) {
                to.rollback();
                from.rollback();
                throw e;
            }
            return tables;
        } catch (SQLException e) {
            throw new StoreException("the copy failed and was rolled back", e);
        }
    }

    /** Rows in each table of the source and the target, by table name. */
    public record Counts(Map<String, Long> source, Map<String, Long> target) {
        public boolean equal() {
            return source.equals(target);
        }
    }

    public Counts counts(List<String> tables) {
        try (Connection from = source.dataSource().getConnection();
                Connection to = target.dataSource().getConnection()) {
            return new Counts(counts(from, tables), counts(to, tables));
        } catch (SQLException e) {
            throw new StoreException("could not count the rows", e);
        }
    }

    private static void copyTable(Connection from, Connection to, String table) throws SQLException {
        Map<String, Integer> targetTypes = columnTypes(to, table);
        try (Statement read = from.createStatement();
                ResultSet rows = read.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rows.getMetaData();
            List<String> columns = new ArrayList<>();
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                columns.add(meta.getColumnName(i).toLowerCase(Locale.ROOT));
            }
            if (!targetTypes.keySet().equals(new TreeSet<>(columns))) {
                throw new Refused("table " + table + " has columns " + new TreeSet<>(columns) + " here and "
                        + targetTypes.keySet() + " there: run this version of masscast on each first");
            }
            String insert = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", columns.stream().map(c -> "?").toList()) + ")";
            try (PreparedStatement write = to.prepareStatement(insert)) {
                int batched = 0;
                while (rows.next()) {
                    for (int i = 0; i < columns.size(); i++) {
                        int type = targetTypes.get(columns.get(i));
                        Object value = rows.getObject(i + 1);
                        if (value == null) {
                            write.setNull(i + 1, type);
                        } else {
                            write.setObject(i + 1, value, type);
                        }
                    }
                    write.addBatch();
                    if (++batched % BATCH == 0) {
                        write.executeBatch();
                    }
                }
                write.executeBatch();
            }
        }
    }

    /** Each table's id sequence (PostgreSQL's identity columns) continues after the largest id copied. */
    private static void continueSequences(Connection to, List<String> tables) throws SQLException {
        if (!to.getMetaData().getURL().startsWith("jdbc:postgresql:")) {
            return;
        }
        for (String table : tables) {
            if (!columnTypes(to, table).containsKey("id")) {
                continue;
            }
            try (Statement statement = to.createStatement();
                    ResultSet result = statement.executeQuery("SELECT setval(pg_get_serial_sequence('" + table
                            + "', 'id'), MAX(id)) FROM " + table + " WHERE pg_get_serial_sequence('" + table
                            + "', 'id') IS NOT NULL HAVING MAX(id) IS NOT NULL")) {
                result.next(); // one row when the table has rows and an identity id, else none
            }
        }
    }

    private static Map<String, Long> counts(Connection connection, List<String> tables) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                result.next();
                counts.put(table, result.getLong(1));
            }
        }
        return counts;
    }

    private static String describe(Map<String, Long> counts) {
        return String.join(
                ", ",
                counts.entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue() + " rows")
                        .toList());
    }

    /** masscast's tables in the connection's current schema (Flyway's history left out), by lower-case name. */
    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rows =
                connection.getMetaData().getTables(null, schema(connection), "%", new String[] {"TABLE"})) {
            while (rows.next()) {
                String name = rows.getString("TABLE_NAME").toLowerCase(Locale.ROOT);
                if (!name.equals(SCHEMA_HISTORY) && !name.startsWith("sqlite_")) {
                    tables.add(name);
                }
            }
        }
        return tables;
    }

    /** Every table after the tables its foreign keys point to. */
    private static List<String> tablesInForeignKeyOrder(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        for (String table : new TreeSet<>(tables(connection))) {
            Set<String> parents = new TreeSet<>();
            try (ResultSet keys = meta.getImportedKeys(null, schema(connection), table)) {
                while (keys.next()) {
                    parents.add(keys.getString("PKTABLE_NAME").toLowerCase(Locale.ROOT));
                }
            }
            parents.remove(table);
            dependsOn.put(table, parents);
        }
        List<String> ordered = new ArrayList<>();
        while (ordered.size() < dependsOn.size()) {
            Optional<String> next = dependsOn.entrySet().stream()
                    .filter(e -> !ordered.contains(e.getKey()) && ordered.containsAll(e.getValue()))
                    .map(Map.Entry::getKey)
                    .findFirst();
            ordered.add(next.orElseThrow(() -> new IllegalStateException("the tables' foreign keys form a cycle")));
        }
        return ordered;
    }

    private static Map<String, Integer> columnTypes(Connection connection, String table) throws SQLException {
        Map<String, Integer> types = new TreeMap<>();
        try (ResultSet columns = connection.getMetaData().getColumns(null, schema(connection), table, "%")) {
            while (columns.next()) {
                types.put(columns.getString("COLUMN_NAME").toLowerCase(Locale.ROOT), columns.getInt("DATA_TYPE"));
            }
        }
        return types;
    }

    private static String schema(Connection connection) throws SQLException {
        return connection.getMetaData().getURL().startsWith("jdbc:postgresql:") ? connection.getSchema() : null;
    }
}
