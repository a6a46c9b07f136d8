package io.masscast.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RecordedRequest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The mass messages masscast created on the OFAuth simulator, as OFAuth received them: the recorded
 * {@code POST /v2/access/mass-messages} requests and their JSON bodies, for tests that assert what was sent to whom.
 */
public final class MassMessagePosts {
    private static final String CREATE = "/v2/access/mass-messages";

    private MassMessagePosts() {}

    /** Every mass message POSTed so far, in the order the simulator received them. */
    public static List<RecordedRequest> requests(OfAuthSimulator simulator) {
        return simulator.requests().stream()
                .filter(r -> r.method().equals("POST") && r.path().equals(CREATE))
                .toList();
    }

    /** The bodies of {@link #requests}. */
    public static List<JsonObject> bodies(OfAuthSimulator simulator) {
        return requests(simulator).stream()
                .map(r -> JsonParser.parseString(r.body()).getAsJsonObject())
                .toList();
    }

    /** The one body whose {@code text} is {@code text}. */
    public static JsonObject withText(List<JsonObject> bodies, String text) {
        List<JsonObject> found = bodies.stream()
                .filter(b -> b.has("text") && b.get("text").getAsString().equals(text))
                .toList();
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " mass messages have the text \"" + text + "\", not one");
        }
        return found.get(0);
    }

    /** The ids of a body's array {@code key} ({@code userLists}, {@code excludeUserLists}, {@code userIds}) as text; none if absent. */
    public static List<String> ids(JsonObject body, String key) {
        if (!body.has(key)) {
            return List.of();
        }
        return body.getAsJsonArray(key).asList().stream()
                .map(JsonElement::getAsString)
                .toList();
    }

    /** The fans a body names by id ({@code userIds}); each appears once. */
    public static Set<String> fanIds(JsonObject body) {
        List<String> ids = ids(body, "userIds");
        Set<String> unique = new HashSet<>(ids);
        if (unique.size() != ids.size()) {
            throw new AssertionError("a mass message names " + (ids.size() - unique.size()) + " fan ids twice");
        }
        return unique;
    }

    /**
     * Asserts that {@code bodies} are one message per text, to fans named by id and no list, whose shares do not
     * overlap, differ by one fan at most and together are {@code pool}: a random split sent once per variant.
     */
    public static void assertRandomSplit(List<JsonObject> bodies, Set<String> pool, String... texts) {
        assertThat(bodies).extracting(b -> b.get("text").getAsString()).containsExactlyInAnyOrder(texts);
        Set<String> reached = new HashSet<>();
        List<Integer> sizes = new ArrayList<>();
        for (String text : texts) {
            Set<String> share = fanIds(withText(bodies, text));
            assertThat(share).as("the share of " + text).isNotEmpty().noneMatch(reached::contains);
            reached.addAll(share);
            sizes.add(share.size());
        }
        assertThat(reached).isEqualTo(pool);
        assertThat(Collections.max(sizes) - Collections.min(sizes)).isLessThanOrEqualTo(1);
        assertThat(bodies)
                .allSatisfy(body -> assertThat(body.has("userLists"))
                        .as("a random split names its fans, not lists")
                        .isFalse());
    }
}
