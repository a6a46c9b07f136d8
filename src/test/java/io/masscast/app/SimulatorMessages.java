package io.masscast.app;

import com.squareup.moshi.Moshi;
import com.squareup.moshi.Types;
import io.masscast.simulator.OfAuthSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the simulator itself says about its mass messages and webhooks, through its {@code /_sim/} controls. */
public final class SimulatorMessages {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Type MAPS = Types.newParameterizedType(List.class, Map.class);
    private static final Type MAP = Types.newParameterizedType(Map.class, String.class, Object.class);

    private SimulatorMessages() {}

    /** The simulator's view of message {@code id}: state, sentCount, viewedCount, purchasedCount, ... */
    static Map<String, Object> message(OfAuthSimulator simulator, long id) {
        List<Map<String, Object>> all = json(
                send(HttpRequest.newBuilder(uri(simulator, "/_sim/messages")).GET()), MAPS);
        return all.stream()
                .filter(m -> ((Number) m.get("id")).longValue() == id)
                .findFirst()
                .orElseThrow();
    }

    static long count(OfAuthSimulator simulator, long id, String counter) {
        return ((Number) message(simulator, id).get(counter)).longValue();
    }

    /** Deletes a message through OFAuth's API, as another tool or OnlyFans itself would. */
    static void delete(OfAuthSimulator simulator, String connectionId, long messageId) {
        send(HttpRequest.newBuilder(uri(simulator, "/v2/access/mass-messages/" + messageId))
                .header("apiKey", simulator.apiKey())
                .header("x-connection-id", connectionId)
                .DELETE());
    }

    /** The fans on any of {@code lists} and on none of {@code excluded}: the pool of a random split. */
    public static Set<String> fansOf(
            OfAuthSimulator simulator, String connectionId, List<String> lists, List<String> excluded) {
        Set<String> fans = new LinkedHashSet<>();
        lists.forEach(list -> fans.addAll(listMembers(simulator, connectionId, list)));
        excluded.forEach(list -> fans.removeAll(listMembers(simulator, connectionId, list)));
        return fans;
    }

    /** The ids of a list's members, read through OFAuth's API page by page, as masscast reads them. */
    public static Set<String> listMembers(OfAuthSimulator simulator, String connectionId, String listId) {
        Set<String> ids = new LinkedHashSet<>();
        for (int offset = 0; ; offset += 100) {
            Map<String, Object> page = json(
                    send(HttpRequest.newBuilder(uri(
                                    simulator,
                                    "/v2/access/users/lists/" + listId + "/users?limit=100&offset=" + offset))
                            .header("apiKey", simulator.apiKey())
                            .header("x-connection-id", connectionId)
                            .GET()),
                    MAP);
            ((List<?>) page.get("list"))
                    .forEach(user -> ids.add(String.valueOf(((Number) ((Map<?, ?>) user).get("id")).longValue())));
            if (!Boolean.TRUE.equals(page.get("hasMore"))) {
                return ids;
            }
        }
    }

    /** POSTs a control request and returns the simulator's JSON answer. */
    static Map<String, Object> control(OfAuthSimulator simulator, String path, String jsonBody) {
        return json(
                send(HttpRequest.newBuilder(uri(simulator, path))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(jsonBody))),
                MAP);
    }

    private static URI uri(OfAuthSimulator simulator, String path) {
        return URI.create(simulator.baseUrl() + path);
    }

    private static String send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("simulator answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("TypeParameterUnusedInFormals") // the caller names the type it asked Moshi for
    private static <T> T json(String body, Type type) {
        try {
            return new Moshi.Builder().build().<T>adapter(type).fromJson(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
