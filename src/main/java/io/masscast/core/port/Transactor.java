package io.masscast.core.port;

import java.util.function.Function;

/**
 * Runs work in one database transaction: it commits when the work returns and rolls back when it
 * throws (the exception propagates unchanged). Work must not call {@code inTransaction} again and
 * must not call the network: transactions stay short.
 */
public interface Transactor {
    <T> T inTransaction(Function<Stores, T> work);
}
