package io.masscast.simulator;

import java.time.Instant;

/**
 * One request the simulator received on an OFAuth route, whatever it answered. Never holds the API key.
 *
 * @param query        raw query string, or null
 * @param body         request body as UTF-8 text (a size note for binary uploads), or null when empty
 * @param connectionId the {@code x-connection-id} header, or null
 * @param receivedAt   simulator clock time
 */
public record RecordedRequest(
        String method, String path, String query, String body, String connectionId, Instant receivedAt) {}
