package io.masscast.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs statements on one transaction's connection. Parameters follow the schema's conventions:
 * instants become epoch milliseconds, enums their name, an empty {@link Optional} NULL. Every
 * {@link SQLException} becomes a {@link StoreException} naming the operation.
 */
final class Sql {

    @FunctionalInterface
    interface RowMapper<T> {
        T map(Row row) throws SQLException;
    }

    private final Connection connection;

    Sql(Connection connection) {
        this.connection = connection;
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
    int update(String operation, String sql, Object... params) {
        try (PreparedStatement statement = prepare(sql, params)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw StoreException.of(operation, e);
        }
    }

    /** Runs a query (or a statement with RETURNING) and maps every row. */
    <T> List<T> list(String operation, String sql, RowMapper<T> mapper, Object... params) {
        try (PreparedStatement statement = prepare(sql, params);
                ResultSet resultSet = statement.executeQuery()) {
            Row row = new Row(resultSet);
            List<T> rows = new ArrayList<>();
            while (resultSet.next()) {
                rows.add(mapper.map(row));
            }
            return rows;
        } catch (SQLException e) {
            throw StoreException.of(operation, e);
        }
    }

    <T> Optional<T> one(String operation, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = list(operation, sql, mapper, params);
        if (rows.size() > 1) {
            throw new IllegalStateException(operation + ": expected at most one row, got " + rows.size());
        }
        return rows.stream().findFirst();
    }

    /** {@code "?, ?, ?"} for an IN list of the given values. */
    static String placeholders(Collection<?> values) {
        return values.stream().map(value -> "?").collect(Collectors.joining(", "));
    }

    private PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, toColumnValue(params[i]));
            }
            return statement;
        } catch (SQLException | RuntimeException e) {
            statement.close();
            throw e;
        }
    }

    private static Object toColumnValue(Object value) {
        if (value instanceof Optional<?> optional) {
            return toColumnValue(optional.orElse(null));
        }
        if (value instanceof Instant instant) {
            return instant.toEpochMilli();
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value == null
                || value instanceof String
                || value instanceof Long
                || value instanceof Integer
                || value instanceof Boolean
                || value instanceof byte[]) {
            return value;
        }
        // BigDecimal, lists and the like have a chosen text form; convert them at the call site
        throw new IllegalArgumentException(
                "no column conversion for " + value.getClass().getSimpleName());
    }
}
