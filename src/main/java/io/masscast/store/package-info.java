/**
 * Persistence on SQLite (one process, the default) or PostgreSQL (several replicas).
 *
 * <p>{@link io.masscast.store.Database#open} connects, migrates the schema with Flyway
 * ({@code db/migration}) and implements {@link io.masscast.core.port.Transactor}; the {@code Jdbc*Store}
 * classes behind {@link io.masscast.core.port.Stores} exist only inside its transactions.
 *
 * <p>Storage conventions, the same on both databases: instants are epoch milliseconds (finer
 * precision is dropped, and the stores return what they stored); lists are JSON arrays of strings;
 * prices are {@code BigDecimal.toString()} text, so scale survives; enums are stored by name.
 * Races (approval clicks, human numbers, leases) are decided by single conditional statements
 * ({@code UPDATE ... WHERE version = ?}, {@code INSERT ... ON CONFLICT}), never by catching a failed one.
 */
package io.masscast.store;
