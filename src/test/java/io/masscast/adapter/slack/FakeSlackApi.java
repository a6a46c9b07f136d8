package io.masscast.adapter.slack;

import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A local stand-in for Slack's Web API ({@code /api/<method>}), for {@code response_url}s ({@code /respond/<n>})
 * and for the upload URLs {@code files.getUploadURLExternal} hands out ({@code /upload/<file id>}). It records
 * every call with its parameters and token and every upload with its bytes, answers what masscast calls, and can
 * be told to fail a method (or {@link #UPLOAD}) once.
 */
final class FakeSlackApi implements AutoCloseable {
    static final String RESPONSE_URL = "response_url";
    /** The name under which {@link #failNext} fails the next upload of bytes. */
    static final String UPLOAD = "upload";

    static final String TEAM = "T0TEST";
    static final String BOT_USER = "UMASSCAST";

    /**
     * One request: the method (or {@link #RESPONSE_URL}), its form parameters (or JSON fields), its token, and when it
     * arrived ({@link System#nanoTime()}, for the benchmarks).
     */
    record Call(String method, Map<String, String> params, Optional<String> token, long receivedNanos) {
        String param(String name) {
            return params.getOrDefault(name, "");
        }

        /** A form parameter that holds JSON ({@code view}, {@code blocks}). */
        JsonElement jsonParam(String name) {
            return JsonParser.parseString(param(name));
        }
    }

    /** Bytes sent to an upload URL, and the token that came with them (none is needed). */
    record Upload(String fileId, byte[] bytes, Optional<String> token) {}

    private record Failure(int status, String body, Map<String, String> headers) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final Deque<Call> calls = new ConcurrentLinkedDeque<>();
    private final Deque<Upload> uploads = new ConcurrentLinkedDeque<>();
    private final List<Consumer<Call>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger nextFile = new AtomicInteger(1);
    private final Map<String, Failure> failNext = new ConcurrentHashMap<>();
    private final AtomicLong nextTs = new AtomicLong(1_770_000_000_000_100L);
    private final AtomicInteger nextResponseUrl = new AtomicInteger(1);
    private volatile String socketModeUrl = "ws://127.0.0.1:1/";
    private final Map<String, List<String>> userGroups = new ConcurrentHashMap<>();
    private final Map<String, SharedFile> files = new ConcurrentHashMap<>();
    private final Deque<Call> downloads = new ConcurrentLinkedDeque<>();

    /** A file someone shared with the app: {@code files.info} describes it, {@code /files/<id>} serves it to the bot. */
    private record SharedFile(String name, String mimetype, byte[] bytes) {}

    FakeSlackApi() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/", this::api);
        server.createContext("/respond/", this::respond);
        server.createContext("/upload/", this::upload);
        server.createContext("/files/", this::download);
        server.setExecutor(threads);
        server.start();
    }

    /** What {@code MASSCAST_SLACK_API_URL} points at. */
    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    /** A fresh {@code response_url} for a payload. */
    String newResponseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/respond/" + nextResponseUrl.getAndIncrement();
    }

    /** {@code usergroups.users.list} answers these members for {@code groupId} (unknown groups: no_such_subteam). */
    void userGroup(String groupId, String... members) {
        userGroups.put(groupId, List.of(members));
    }

    /** A file attached in a form: {@code files.info} knows it, and its download link serves {@code bytes} with a bot token. */
    void sharedFile(String fileId, String name, String mimetype, byte[] bytes) {
        files.put(fileId, new SharedFile(name, mimetype, bytes));
    }

    /** The downloads of shared files, each with the path and the token that came with it. */
    List<Call> downloads() {
        return List.copyOf(downloads);
    }

    /** {@code listener} hears of every call from now on, as it arrives (before it is answered). */
    void onCall(Consumer<Call> listener) {
        listeners.add(listener);
    }

    void socketModeUrl(String url) {
        socketModeUrl = url;
    }

    /** The next call of {@code method} is answered with this status, body and headers. */
    void failNext(String method, int status, String body, Map<String, String> headers) {
        failNext.put(method, new Failure(status, body, headers));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** Waits (up to 5 s) for a call of {@code method} that matches, and returns the first such. */
    Call awaitCall(String method, Predicate<Call> matching) {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> calls(method).stream().anyMatch(matching));
        return calls(method).stream().filter(matching).findFirst().orElseThrow();
    }

    Call awaitCall(String method) {
        return awaitCall(method, call -> true);
    }

    /** The last message sent through {@code responseUrl}. */
    Call awaitResponse(String responseUrl) {
        String path = responseUrl.substring(responseUrl.indexOf("/respond/"));
        return awaitCall(RESPONSE_URL, call -> call.param("path").equals(path));
    }

    /** Every upload of bytes, oldest first. */
    List<Upload> uploads() {
        return List.copyOf(uploads);
    }

    void clear() {
        calls.clear();
        uploads.clear();
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Optional<String> token = Optional.ofNullable(
                        exchange.getRequestHeaders().getFirst("Authorization"))
                .map(header -> header.replaceFirst("^Bearer ", ""));
        Map<String, String> params = form(body);
        record(new Call(method, params, token, System.nanoTime()));
        Failure failure = failNext.remove(method);
        if (failure != null) {
            failure.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            send(exchange, failure.status(), failure.body());
            return;
        }
        send(exchange, 200, answer(method, params));
    }

    private String answer(String method, Map<String, String> params) {
        String ts = ts();
        return switch (method) {
            case "auth.test" ->
                "{\"ok\":true,\"url\":\"https://masscast-test.slack.com/\",\"team\":\"Test\",\"user\":\"masscast\","
                        + "\"team_id\":\"" + TEAM + "\",\"user_id\":\"" + BOT_USER + "\",\"bot_id\":\"BMASSCAST\"}";
            case "chat.postMessage" ->
                "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + ts + "\"}";
            case "chat.update" ->
                "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"ts\":\"" + params.get("ts") + "\"}";
            case "chat.postEphemeral" -> "{\"ok\":true,\"message_ts\":\"" + ts + "\"}";
            case "views.open" -> "{\"ok\":true,\"view\":{\"id\":\"V" + ts.replace(".", "") + "\",\"type\":\"modal\"}}";
            case "apps.connections.open" -> "{\"ok\":true,\"url\":\"" + socketModeUrl + "\"}";
            case "usergroups.users.list" ->
                Optional.ofNullable(userGroups.get(params.get("usergroup")))
                        .map(users -> "{\"ok\":true,\"users\":["
                                + String.join(
                                        ",",
                                        users.stream().map(u -> "\"" + u + "\"").toList()) + "]}")
                        .orElse("{\"ok\":false,\"error\":\"no_such_subteam\"}");
            case "chat.getPermalink" ->
                "{\"ok\":true,\"channel\":\"" + params.get("channel") + "\",\"permalink\":\""
                        + permalink(params.get("channel"), params.get("message_ts")) + "\"}";
            case "files.getUploadURLExternal" -> {
                String fileId = "F" + String.format("%08d", nextFile.getAndIncrement());
                yield "{\"ok\":true,\"file_id\":\"" + fileId + "\",\"upload_url\":\"http://127.0.0.1:"
                        + server.getAddress().getPort() + "/upload/" + fileId + "\"}";
            }
            case "files.completeUploadExternal" -> "{\"ok\":true,\"files\":" + params.get("files") + "}";
            case "files.info" ->
                Optional.ofNullable(files.get(params.get("file")))
                        .map(file -> {
                            String url = "http://127.0.0.1:"
                                    + server.getAddress().getPort() + "/files/" + params.get("file");
                            return "{\"ok\":true,\"file\":{\"id\":\"" + params.get("file") + "\",\"name\":\""
                                    + file.name()
                                    + "\",\"mimetype\":\"" + file.mimetype() + "\",\"size\":" + file.bytes().length
                                    + ",\"url_private\":\"" + url + "\",\"url_private_download\":\"" + url
                                    + "/download\"}}";
                        })
                        .orElse("{\"ok\":false,\"error\":\"file_not_found\"}");
            default -> "{\"ok\":false,\"error\":\"unknown_method\"}";
        };
    }

    /** The link Slack gives a message: the workspace's URL, the channel, and the ts without its dot. */
    static String permalink(String channel, String ts) {
        return "https://masscast-test.slack.com/archives/" + channel + "/p" + ts.replace(".", "");
    }

    private void upload(HttpExchange exchange) throws IOException {
        String fileId = exchange.getRequestURI().getPath().substring("/upload/".length());
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        Optional<String> token =
                Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"));
        Failure failure = failNext.remove(UPLOAD);
        if (failure != null) {
            send(exchange, failure.status(), failure.body());
            return;
        }
        uploads.add(new Upload(fileId, bytes, token));
        send(exchange, 200, "OK - " + bytes.length);
    }

    /** Slack serves a file only with a token of the workspace: the bot's. */
    private void download(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        Optional<String> token = Optional.ofNullable(
                        exchange.getRequestHeaders().getFirst("Authorization"))
                .map(header -> header.replaceFirst("^Bearer ", ""));
        downloads.add(new Call("download", Map.of("path", path), token, System.nanoTime()));
        SharedFile file = files.get(path.substring("/files/".length()).replaceFirst("/download$", ""));
        if (file == null || !token.equals(Optional.of(SlackTestBed.BOT_TOKEN))) {
            send(exchange, file == null ? 404 : 403, "{}");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", file.mimetype());
        exchange.sendResponseHeaders(200, file.bytes().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(file.bytes());
        }
    }

    private void respond(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonObject json = JsonParser.parseString(body).getAsJsonObject();
        Map<String, String> params = new LinkedHashMap<>();
        params.put("path", exchange.getRequestURI().getPath());
        json.entrySet()
                .forEach(e -> params.put(
                        e.getKey(),
                        e.getValue().isJsonPrimitive()
                                ? e.getValue().getAsString()
                                : e.getValue().toString()));
        record(new Call(RESPONSE_URL, params, Optional.empty(), System.nanoTime()));
        send(exchange, 200, "ok");
    }

    private void record(Call call) {
        calls.add(call);
        listeners.forEach(listener -> listener.accept(call));
    }

    private String ts() {
        long n = nextTs.getAndIncrement();
        return n / 1_000_000 + "." + String.format("%06d", n % 1_000_000);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> params = new LinkedHashMap<>();
        if (body.isBlank() || body.startsWith("{")) {
            return params;
        }
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.put(name, value);
        }
        return params;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Methods called on the Web API (not response URLs), in order, once each. */
    List<String> methodsCalled() {
        List<String> methods = new ArrayList<>();
        calls.stream()
                .map(Call::method)
                .filter(m -> !m.equals(RESPONSE_URL))
                .distinct()
                .forEach(methods::add);
        return methods;
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
