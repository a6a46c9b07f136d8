package io.masscast.store;

import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The current row of a result, read with the schema's conventions (see {@link Sql}). */
final class Row {

    private final ResultSet resultSet;

    Row(ResultSet resultSet) {
        this.resultSet = resultSet;
    }

    String string(String column) throws SQLException {
        return required(column, resultSet.getString(column));
    }

    Optional<String> optionalString(String column) throws SQLException {
        return Optional.ofNullable(resultSet.getString(column));
    }

    long longValue(String column) throws SQLException {
        return required(column, optionalLong(column).orElse(null));
    }

    Optional<Long> optionalLong(String column) throws SQLException {
        long value = resultSet.getLong(column);
        return resultSet.wasNull() ? Optional.empty() : Optional.of(value);
    }

    int intValue(String column) throws SQLException {
        return required(column, optionalInt(column).orElse(null));
    }

    Optional<Integer> optionalInt(String column) throws SQLException {
        int value = resultSet.getInt(column);
        return resultSet.wasNull() ? Optional.empty() : Optional.of(value);
    }

    boolean bool(String column) throws SQLException {
        boolean value = resultSet.getBoolean(column);
        return required(column, resultSet.wasNull() ? null : value);
    }

    Optional<byte[]> optionalBytes(String column) throws SQLException {
        return Optional.ofNullable(resultSet.getBytes(column));
    }

    Instant instant(String column) throws SQLException {
        return Instant.ofEpochMilli(longValue(column));
    }

    Optional<Instant> optionalInstant(String column) throws SQLException {
        return optionalLong(column).map(Instant::ofEpochMilli);
    }

    <E extends Enum<E>> E enumValue(String column, Class<E> type) throws SQLException {
        return Enum.valueOf(type, string(column));
    }

    <E extends Enum<E>> Optional<E> optionalEnum(String column, Class<E> type) throws SQLException {
        return optionalString(column).map(name -> Enum.valueOf(type, name));
    }

    /** The channel held in the usual {@code platform, workspace_id, channel_id} columns. */
    ChannelRef channel() throws SQLException {
        return new ChannelRef(enumValue("platform", Platform.class), string("workspace_id"), string("channel_id"));
    }

    /** A list stored with {@link JsonStrings}. */
    List<String> strings(String column) throws SQLException {
        return JsonStrings.decode(string(column));
    }

    private static <T> T required(String column, T value) {
        if (value == null) {
            throw new IllegalStateException("column " + column + " is NULL");
        }
        return value;
    }
}
