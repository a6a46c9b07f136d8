package io.masscast.simulator;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON in and out. Response shapes are built as ordered maps of plain values (String, Long, Integer,
 * Double, Boolean, null, List, Map) because OFAuth's shapes overlap heavily and keep explicit nulls.
 */
final class Json {
    private static final JsonAdapter<Object> ANY =
            new Moshi.Builder().build().adapter(Object.class).serializeNulls();

    private Json() {}

    static byte[] write(Object value) {
        return ANY.toJson(value).getBytes(StandardCharsets.UTF_8);
    }

    /** Parses JSON text into maps, lists, strings, doubles, booleans and nulls. */
    static Object read(String text) throws IOException {
        return ANY.fromJson(text);
    }

    /** An ordered JSON object from alternating keys and values. */
    static Map<String, Object> object(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values must pair up");
        }
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }
}
