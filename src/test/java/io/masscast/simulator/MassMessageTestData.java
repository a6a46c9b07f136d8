package io.masscast.simulator;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds create/replace bodies: a free text message to the "fans" list unless told otherwise. */
final class MassMessageTestData {
    private final Map<String, Object> body = new LinkedHashMap<>();

    private MassMessageTestData() {
        body.put("text", "New set is up 🔥");
        body.put("userLists", List.of("fans"));
    }

    static MassMessageTestData aMessage() {
        return new MassMessageTestData();
    }

    MassMessageTestData with(String field, Object value) {
        body.put(field, value);
        return this;
    }

    MassMessageTestData without(String field) {
        body.remove(field);
        return this;
    }

    MassMessageTestData priced(double price) {
        return with("price", price);
    }

    MassMessageTestData scheduledAt(Instant when) {
        return with("scheduledDate", when.toString());
    }

    String json() {
        return new String(Json.write(body), java.nio.charset.StandardCharsets.UTF_8);
    }
}
