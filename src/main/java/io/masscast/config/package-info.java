/**
 * Typed configuration read from the environment (DESIGN.md section 5).
 *
 * <p>{@link io.masscast.config.ConfigLoader} turns the environment into a
 * {@link io.masscast.config.MasscastConfig}, or throws a {@link io.masscast.config.ConfigException}
 * that names every problem at once. Each component receives only its own settings record. Secrets
 * are {@link io.masscast.config.Secret}s: no {@code toString}, {@code describe()} or error message
 * of this package shows one.
 */
package io.masscast.config;
