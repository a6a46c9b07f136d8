package io.masscast.simulator;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;

/**
 * A routed OFAuth request handed to a handler.
 *
 * @param account the connection's creator account on {@code /v2/access/*} routes, null on {@code /v2/account/*}
 * @param now     simulator time when the request arrived
 */
record ApiCall(
        Map<String, String> pathParams,
        QueryParams query,
        IncomingRequest request,
        CreatorAccount account,
        Instant now) {

    String pathParam(String name) {
        return pathParams.get(name);
    }

    /** The body as a JSON object, or 400. */
    Map<String, Object> jsonObject() {
        String text = request.bodyText();
        if (text.isBlank()) {
            throw ApiError.badRequest("request body must be a JSON object");
        }
        Object parsed;
        try {
            parsed = Json.read(text);
        } catch (IOException | RuntimeException e) {
            throw ApiError.badRequest("Malformed JSON body: " + e.getMessage());
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw ApiError.badRequest("request body must be a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) map;
        return object;
    }
}
