package io.masscast.simulator;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** An HTTP request as the simulator sees it; the API key is kept only for the auth check. */
record IncomingRequest(
        String method,
        String path,
        String rawQuery,
        String apiKey,
        String connectionId,
        String contentType,
        byte[] body) {

    boolean isAccess() {
        return path.startsWith("/v2/access/");
    }

    String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    RecordedRequest toRecord(Instant receivedAt) {
        return new RecordedRequest(method, path, rawQuery, recordedBody(), connectionId, receivedAt);
    }

    private String recordedBody() {
        if (body.length == 0) {
            return null;
        }
        boolean textual =
                contentType == null || contentType.startsWith("application/json") || contentType.startsWith("text/");
        return textual ? bodyText() : "<" + body.length + " bytes of " + contentType + ">";
    }
}
