/**
 * The OFAuth client: {@link io.masscast.ofauth.OfAuthClient} implements the core's
 * {@link io.masscast.core.port.OfAuthGateway} over HTTP, configured by
 * {@link io.masscast.ofauth.OfAuthClientConfig}. The {@code *Json} records mirror OFAuth's JSON; they are
 * public only because Moshi's record adapter can read nothing else, and are not meant for use outside
 * this package.
 */
package io.masscast.ofauth;
