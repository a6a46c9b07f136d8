package io.masscast.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What a client saw: status, headers, body, with a small path reader for JSON bodies. */
record SimResponse(int status, HttpHeaders headers, String body) {

    Object json() {
        try {
            return Json.read(body);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body, e);
        }
    }

    /** Walks maps by key and lists by index, e.g. {@code at("queue", "price")} or {@code at("list", 0, "id")}. */
    Object at(Object... path) {
        Object node = json();
        for (Object step : path) {
            node = step instanceof Integer index ? ((List<?>) node).get(index) : ((Map<?, ?>) node).get(step);
        }
        return node;
    }

    String string(Object... path) {
        return (String) at(path);
    }

    long number(Object... path) {
        return ((Number) at(path)).longValue();
    }

    boolean bool(Object... path) {
        return (Boolean) at(path);
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> list(Object... path) {
        return (List<Map<String, Object>>) at(path);
    }

    @SuppressWarnings("unchecked")
    List<String> strings(Object... path) {
        return (List<String>) at(path);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object(Object... path) {
        return (Map<String, Object>) at(path);
    }

    Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    long headerNumber(String name) {
        return Long.parseLong(header(name).orElseThrow(() -> new AssertionError("missing header " + name)));
    }
}
