package io.masscast.simulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Calls a running simulator over real HTTP on loopback, as an OFAuth client would. */
final class SimulatorClient {
    static final String DEMO = "conn_demo";
    static final String DEMO2 = "conn_demo2";
    static final String READ_ONLY = "conn_readonly";
    static final String MASS_MESSAGES = "/v2/access/mass-messages";

    private final OfAuthSimulator simulator;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    SimulatorClient(OfAuthSimulator simulator) {
        this.simulator = simulator;
    }

    SimResponse get(String connectionId, String pathAndQuery) {
        return send(authorized(connectionId, pathAndQuery).GET());
    }

    SimResponse post(String connectionId, String path, String json) {
        return send(authorized(connectionId, path).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    SimResponse put(String connectionId, String path, String json) {
        return send(authorized(connectionId, path).PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    SimResponse delete(String connectionId, String path) {
        return send(authorized(connectionId, path).DELETE());
    }

    SimResponse create(MassMessageTestData message) {
        return post(DEMO, MASS_MESSAGES, message.json());
    }

    /** A {@code /_sim/} control call; no API key. */
    SimResponse control(String method, String path, String json) {
        HttpRequest.BodyPublisher body =
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json);
        return send(HttpRequest.newBuilder(uri(path)).method(method, body));
    }

    /** An API-key-authorised request; no connection header when {@code connectionId} is null. */
    HttpRequest.Builder authorized(String connectionId, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
                .timeout(Duration.ofSeconds(10))
                .header("apiKey", simulator.apiKey())
                .header("Content-Type", "application/json");
        return connectionId == null ? request : request.header("x-connection-id", connectionId);
    }

    SimResponse send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new SimResponse(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    HttpResponse<String> sendRaw(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** Follows an offset-paged endpoint ({@code list}, {@code hasMore}) to its end. */
    List<Map<String, Object>> allPages(String connectionId, String path, int limit) {
        return collect(offset ->
                get(connectionId, path + (path.contains("?") ? "&" : "?") + "limit=" + limit + "&offset=" + offset));
    }

    /** The ids of every member of a list. */
    List<Long> listMemberIds(String connectionId, Object listId) {
        return allPages(connectionId, "/v2/access/users/lists/" + listId + "/users", 100).stream()
                .map(user -> ((Number) user.get("id")).longValue())
                .toList();
    }

    /** The analytics item of one message, from {@code /analytics/mass-messages/sent}. */
    Map<String, Object> sentItem(long messageId) {
        return get(DEMO, "/v2/access/analytics/mass-messages/sent?limit=100").list("items").stream()
                .filter(item -> ((Number) item.get("id")).longValue() == messageId)
                .findFirst()
                .orElseThrow(() -> new AssertionError("message " + messageId + " is not in sent analytics"));
    }

    /** Every buyer id of a message, following {@code nextMarker} to the end. */
    List<Long> buyerIds(long messageId) {
        List<Long> ids = new ArrayList<>();
        long marker = 0;
        SimResponse page;
        do {
            page = get(DEMO, "/v2/access/analytics/mass-messages/" + messageId + "/buyers?limit=20&marker=" + marker);
            page.list("list").forEach(buyer -> ids.add(((Number) buyer.get("id")).longValue()));
            marker = page.bool("hasMore") ? page.number("nextMarker") : marker;
        } while (page.bool("hasMore"));
        return ids;
    }

    private static List<Map<String, Object>> collect(Function<Integer, SimResponse> pageAt) {
        List<Map<String, Object>> all = new ArrayList<>();
        SimResponse page;
        do {
            page = pageAt.apply(all.size());
            if (page.status() != 200) {
                throw new AssertionError("paging failed: " + page.status() + " " + page.body());
            }
            all.addAll(page.list("list"));
        } while (page.bool("hasMore"));
        return all;
    }

    private URI uri(String path) {
        return URI.create(simulator.baseUrl() + path);
    }
}
