package io.masscast.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Query parameters with the range checks OFAuth applies; a bad value is a 400 naming the parameter. */
final class QueryParams {
    private final Map<String, List<String>> values;

    private QueryParams(Map<String, List<String>> values) {
        this.values = values;
    }

    static QueryParams parse(String rawQuery) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                values.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new QueryParams(values);
    }

    Optional<String> string(String name) {
        List<String> found = values.get(name);
        return found == null || found.get(0).isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    int intInRange(String name, int defaultValue, int min, int max) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below like an out-of-range value
        }
        throw ApiError.badRequest(
                name + ": must be an integer between " + min + " and " + max + " (got \"" + raw.get() + "\")");
    }

    long longAtLeast(String name, long defaultValue, long min) {
        Optional<String> raw = string(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            long value = Long.parseLong(raw.get());
            if (value >= min) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // reported below like an out-of-range value
        }
        throw ApiError.badRequest(name + ": must be an integer of at least " + min + " (got \"" + raw.get() + "\")");
    }

    int offset() {
        return intInRange("offset", 0, 0, Integer.MAX_VALUE);
    }

    Optional<Instant> instant(String name) {
        return string(name).map(raw -> parseDate(name, raw, false));
    }

    Optional<Instant> rangeEnd(String name) {
        return string(name).map(raw -> parseDate(name, raw, true));
    }

    Optional<Boolean> bool(String name) {
        return string(name).map(raw -> switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiError.badRequest(name + ": must be true or false (got \"" + raw + "\")");
        });
    }

    private static Instant parseDate(String name, String raw, boolean rangeEnd) {
        try {
            return rangeEnd ? OfDates.parseRangeEnd(raw) : OfDates.parse(raw);
        } catch (DateTimeParseException e) {
            throw ApiError.badRequest(name + ": not an ISO-8601 date (got \"" + raw + "\")");
        }
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
