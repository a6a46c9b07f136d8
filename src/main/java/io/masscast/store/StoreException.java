package io.masscast.store;

import java.sql.SQLException;

/**
 * A database operation failed. The message names the operation and the SQLState, never values or
 * credentials; the driver's exception is kept as the cause (PostgreSQL is told not to put row data in it).
 */
public final class StoreException extends RuntimeException {

    StoreException(String message, Throwable cause) {
        super(message, cause);
    }

    static StoreException of(String operation, SQLException cause) {
        String state = cause.getSQLState() == null ? "" : " (SQLState " + cause.getSQLState() + ")";
        return new StoreException("Could not " + operation + state, cause);
    }
}
