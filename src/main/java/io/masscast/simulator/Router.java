package io.masscast.simulator;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Matches method + path against patterns like {@code /v2/access/mass-messages/{id}}, in registration order. */
final class Router<H> {
    private final List<Entry<H>> entries = new ArrayList<>();

    Router<H> add(String method, String pattern, H handler) {
        entries.add(new Entry<>(method, segments(pattern), handler));
        return this;
    }

    Optional<Match<H>> match(String method, String path) {
        String[] actual = segments(path);
        for (Entry<H> entry : entries) {
            if (entry.method.equals(method)) {
                Map<String, String> params = entry.bind(actual);
                if (params != null) {
                    return Optional.of(new Match<>(entry.handler, params));
                }
            }
        }
        return Optional.empty();
    }

    record Match<H>(H handler, Map<String, String> params) {}

    private static String[] segments(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        return trimmed.split("/", -1);
    }

    private record Entry<H>(String method, String[] pattern, H handler) {
        /** The path parameters if {@code actual} fits this pattern, else null. */
        Map<String, String> bind(String[] actual) {
            if (actual.length != pattern.length) {
                return null;
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < pattern.length; i++) {
                String expected = pattern[i];
                if (expected.startsWith("{") && expected.endsWith("}")) {
                    if (actual[i].isEmpty()) {
                        return null;
                    }
                    params.put(expected.substring(1, expected.length() - 1), actual[i]);
                } else if (!expected.equals(actual[i])) {
                    return null;
                }
            }
            return params;
        }
    }
}
