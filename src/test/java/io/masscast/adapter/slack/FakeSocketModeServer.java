package io.masscast.adapter.slack;

import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * Slack's Socket Mode end on loopback: says {@code hello} to each connection, pushes envelopes to the newest
 * one and records what the app sends back (the acks).
 */
final class FakeSocketModeServer extends WebSocketServer implements AutoCloseable {
    private final CountDownLatch started = new CountDownLatch(1);
    private final AtomicInteger connections = new AtomicInteger();
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private volatile WebSocket current;

    private FakeSocketModeServer() {
        super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        setReuseAddr(true);
    }

    static FakeSocketModeServer start(Duration within) throws InterruptedException {
        FakeSocketModeServer server = new FakeSocketModeServer();
        server.setDaemon(true);
        server.start();
        if (!server.started.await(within.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the fake Socket Mode server did not start");
        }
        return server;
    }

    String url() {
        return "ws://127.0.0.1:" + getPort() + "/";
    }

    void awaitConnections(int count, Duration within) {
        await().atMost(within)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> connections.get() >= count && current != null && current.isOpen());
    }

    /** Pushes an envelope of {@code type} (e.g. {@code slash_commands}) carrying {@code payload}. */
    void push(String envelopeId, String type, JsonObject payload) {
        JsonObject envelope = new JsonObject();
        envelope.addProperty("envelope_id", envelopeId);
        envelope.addProperty("type", type);
        envelope.addProperty("accepts_response_payload", true);
        envelope.add("payload", payload);
        current.send(envelope.toString());
    }

    /** The app's acknowledgement of an envelope. */
    JsonObject awaitAck(String envelopeId) {
        await().atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> received.stream().anyMatch(m -> isAck(m, envelopeId)));
        return received.stream().filter(m -> isAck(m, envelopeId)).findFirst().orElseThrow();
    }

    /** Whether the app's newest connection is open. */
    boolean connected() {
        return current != null && current.isOpen();
    }

    /** Closes the current connection from Slack's side, as Slack does now and then. */
    void dropConnection() {
        current.close(1001, "going away");
    }

    private static boolean isAck(JsonObject message, String envelopeId) {
        return message.has("envelope_id")
                && message.get("envelope_id").getAsString().equals(envelopeId);
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        connections.incrementAndGet();
        current = connection;
        connection.send("{\"type\":\"hello\",\"num_connections\":1,\"connection_info\":{\"app_id\":\"A0MASSCAST\"}}");
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        // a reconnect opens a new connection; nothing to keep
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
        received.add(JsonParser.parseString(message).getAsJsonObject());
    }

    @Override
    public void onError(WebSocket connection, Exception ex) {
        // the client side closing abruptly during a test's shutdown is expected
    }

    @Override
    public void onStart() {
        started.countDown();
    }

    @Override
    public void close() {
        try {
            stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
