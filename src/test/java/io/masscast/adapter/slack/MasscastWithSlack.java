package io.masscast.adapter.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.masscast.app.Wiring;
import io.masscast.config.ConfigLoader;
import io.masscast.config.MasscastConfig;
import io.masscast.core.command.Card;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.Platform;
import io.masscast.http.HttpServer;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RateLimitPlan;
import io.masscast.simulator.RecordedRequest;
import io.masscast.simulator.SimulatorConfig;
import io.masscast.testing.FastJobs;
import io.masscast.testing.MassMessagePosts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * masscast as the app assembles it — SQLite, the real OFAuth client against the in-process OFAuth simulator,
 * the core, the jobs running on their schedule — with the Slack adapter in front, over HTTP (the app's HTTP
 * server, signed requests) or over Socket Mode (a loopback WebSocket server). Slack's Web API is the fake.
 */
final class MasscastWithSlack implements AutoCloseable {
    static final String ADMIN = SlackTestBed.ADMIN;

    /** How a request reaches masscast; the answer is what Slack gets back at once (the ack), if anything. */
    private interface Transport extends AutoCloseable {
        Optional<JsonObject> slashCommand(JsonObject fields);

        Optional<JsonObject> interactive(JsonObject payload);

        @Override
        void close();
    }

    final OfAuthSimulator simulator;
    final FakeSlackApi slack;
    final Wiring wiring;
    final SlackAdapter adapter;
    private final Transport transport;
    private final AtomicInteger triggers = new AtomicInteger(1);

    private MasscastWithSlack(Path folder, boolean socketMode) throws Exception {
        simulator = OfAuthSimulator.start(
                SimulatorConfig.defaults().withPort(0).withRateLimit(new RateLimitPlan.Unlimited()));
        slack = new FakeSlackApi();
        Map<String, String> env = new HashMap<>(Map.of(
                "MASSCAST_DB_URL",
                "jdbc:sqlite:" + folder.resolve("masscast.db"),
                "MASSCAST_OFAUTH",
                "simulator",
                "MASSCAST_OFAUTH_RATE_PER_MINUTE",
                "100000",
                "MASSCAST_OFAUTH_BURST",
                "100000",
                "MASSCAST_ADMINS",
                ADMIN,
                "SLACK_BOT_TOKEN",
                SlackTestBed.BOT_TOKEN,
                "MASSCAST_SLACK_API_URL",
                slack.apiUrl()));
        env.put(
                socketMode ? "SLACK_APP_TOKEN" : "SLACK_SIGNING_SECRET",
                socketMode ? SlackSocketModeTest.APP_TOKEN : SlackTestBed.SIGNING_SECRET);
        MasscastConfig config = ConfigLoader.load(env);
        wiring = Wiring.create(config, Optional.of(simulator), Set.of(), Clock.systemUTC(), FastJobs.INTERVALS);
        FakeSocketModeServer socket = socketMode ? FakeSocketModeServer.start(Duration.ofSeconds(5)) : null;
        if (socket != null) {
            slack.socketModeUrl(socket.url());
        }
        // as the app's server mode does it: the adapter gets its settings, the router and the form options
        adapter = new SlackAdapter(config.slack().orElseThrow(), wiring.chatCore());
        transport = socketMode ? new SocketModeTransport(socket) : new HttpTransport(adapter, wiring);
        wiring.startJobs(Map.of(Platform.SLACK, adapter.notifier()));
        adapter.start();
        if (socket != null) {
            socket.awaitConnections(1, Duration.ofSeconds(5));
        }
    }

    static MasscastWithSlack overHttp(Path folder) throws Exception {
        return new MasscastWithSlack(folder, false);
    }

    static MasscastWithSlack overSocketMode(Path folder) throws Exception {
        return new MasscastWithSlack(folder, true);
    }

    /** Types {@code /masscast text}; the trigger and response URL it carried come back with the ack. */
    Sent slash(String userId, String text) {
        String trigger = "trigger-" + triggers.getAndIncrement();
        String responseUrl = slack.newResponseUrl();
        return new Sent(
                transport.slashCommand(SlackPayloads.slashCommandJson(userId, text, trigger, responseUrl)),
                trigger,
                responseUrl);
    }

    Sent click(String userId, JsonObject button) {
        String trigger = "trigger-" + triggers.getAndIncrement();
        String responseUrl = slack.newResponseUrl();
        return new Sent(
                transport.interactive(SlackPayloads.buttonClick(
                        userId,
                        button.get("action_id").getAsString(),
                        button.get("value").getAsString(),
                        trigger,
                        responseUrl)),
                trigger,
                responseUrl);
    }

    Optional<JsonObject> submit(String userId, JsonObject openedView, Map<String, JsonObject> inputs) {
        return transport.interactive(SlackPayloads.viewSubmission(userId, openedView, inputs));
    }

    record Sent(Optional<JsonObject> answer, String triggerId, String responseUrl) {}

    /** The campaign's card as the core renders it now, read through the command layer. */
    Card card(String humanId) {
        Reply reply = wiring.router().handle(SlackTestBed.CHANNEL, Actor.of(ADMIN, "admin"), "show " + humanId);
        return ((Reply.CardReply) reply).card();
    }

    List<RecordedRequest> creates() {
        return MassMessagePosts.requests(simulator);
    }

    @Override
    public void close() {
        adapter.stop();
        transport.close();
        wiring.close();
        slack.close();
        simulator.close();
    }

    /** Signed requests to {@code POST /slack/events} on the app's own HTTP server. */
    private static final class HttpTransport implements Transport {
        private final HttpServer server;
        private final HttpClient http = HttpClient.newHttpClient();

        HttpTransport(SlackAdapter adapter, Wiring wiring) {
            server = new HttpServer(0, wiring::readiness);
            server.post("/slack/events", adapter.httpHandler().orElseThrow());
            server.start();
        }

        @Override
        public Optional<JsonObject> slashCommand(JsonObject fields) {
            Map<String, String> form = new java.util.LinkedHashMap<>();
            fields.entrySet().forEach(e -> form.put(e.getKey(), e.getValue().getAsString()));
            return post(SlackPayloads.form(form));
        }

        @Override
        public Optional<JsonObject> interactive(JsonObject payload) {
            return post(SlackPayloads.form(payload));
        }

        private Optional<JsonObject> post(String body) {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            SlackTestBed.signature(body, System.currentTimeMillis() / 1000, SlackTestBed.SIGNING_SECRET)
                    .forEach(request::header);
            try {
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException(
                            "masscast answered " + response.statusCode() + ": " + response.body());
                }
                return response.body().isEmpty()
                        ? Optional.empty()
                        : Optional.of(JsonParser.parseString(response.body()).getAsJsonObject());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /** Envelopes pushed over the Socket Mode connection; the answer is the ack's payload. */
    private static final class SocketModeTransport implements Transport {
        private final FakeSocketModeServer socket;
        private final AtomicInteger envelopes = new AtomicInteger(1);

        SocketModeTransport(FakeSocketModeServer socket) {
            this.socket = socket;
        }

        @Override
        public Optional<JsonObject> slashCommand(JsonObject fields) {
            return push("slash_commands", fields);
        }

        @Override
        public Optional<JsonObject> interactive(JsonObject payload) {
            return push("interactive", payload);
        }

        private Optional<JsonObject> push(String type, JsonObject payload) {
            String id = "envelope-" + envelopes.getAndIncrement();
            socket.push(id, type, payload);
            JsonObject ack = socket.awaitAck(id);
            return ack.has("payload") ? Optional.of(ack.getAsJsonObject("payload")) : Optional.empty();
        }

        @Override
        public void close() {
            socket.close();
        }
    }
}
