package io.masscast.simulator;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** What the simulator answers, before it is written to the exchange. */
record ApiResponse(int status, String contentType, byte[] body, Map<String, String> headers) {

    static final String JSON = "application/json; charset=utf-8";

    ApiResponse {
        headers = Map.copyOf(headers);
    }

    static ApiResponse json(Object body) {
        return json(200, body);
    }

    static ApiResponse json(int status, Object body) {
        return new ApiResponse(status, JSON, Json.write(body), Map.of());
    }

    static ApiResponse text(int status, String contentType, String body) {
        return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, JSON, new byte[0], Map.of());
    }

    ApiResponse withHeaders(Map<String, String> extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(headers);
        merged.putAll(extra);
        return new ApiResponse(status, contentType, body, merged);
    }

    /** 200 with the first half of this body: valid start, broken JSON. */
    ApiResponse truncatedTo200() {
        int keep = Math.max(1, body.length / 2);
        byte[] broken = body.length < 2 ? "{\"id\":".getBytes(StandardCharsets.UTF_8) : Arrays.copyOf(body, keep);
        return new ApiResponse(200, JSON, broken, headers);
    }
}
