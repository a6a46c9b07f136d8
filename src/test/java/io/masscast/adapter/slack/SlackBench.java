package io.masscast.adapter.slack;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.masscast.simulator.OfAuthSimulator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What the Slack benchmarks share: masscast's settings on loopback, binding a channel, composing a campaign. */
final class SlackBench {
    static final String ADMIN = SlackTestBed.ADMIN;
    static final String REQUESTER = SlackTestBed.ALICE;
    static final String APPROVER = SlackTestBed.BOB;
    private static final Duration LATE_PATIENCE = Duration.ofSeconds(30);
    private static final Pattern WAITING = Pattern.compile("^(MC-\\d+) is waiting for approval");

    private SlackBench() {}

    /**
     * masscast in Slack's HTTP mode on {@code httpPort}, SQLite at {@code database}, OFAuth at the simulator (as if it
     * were the live API, with its key), Slack's Web API at the fake. {@code rateLimited}: masscast's client keeps to
     * OFAuth's standard plan (60 a minute, burst 90, its defaults); otherwise it lets everything through, for a
     * simulator without limits.
     */
    static Map<String, String> masscastEnv(
            Path database, OfAuthSimulator simulator, FakeSlackApi slack, int httpPort, boolean rateLimited) {
        Map<String, String> env = new HashMap<>(Map.of(
                "MASSCAST_DB_URL",
                "jdbc:sqlite:" + database,
                "OFAUTH_API_KEY",
                simulator.apiKey(),
                "OFAUTH_BASE_URL",
                simulator.baseUrl(),
                "MASSCAST_ADMINS",
                ADMIN,
                "MASSCAST_HTTP_PORT",
                Integer.toString(httpPort),
                "SLACK_BOT_TOKEN",
                SlackTestBed.BOT_TOKEN,
                "SLACK_SIGNING_SECRET",
                SlackTestBed.SIGNING_SECRET,
                "MASSCAST_SLACK_API_URL",
                slack.apiUrl()));
        if (!rateLimited) {
            env.put("MASSCAST_OFAUTH_RATE_PER_MINUTE", "1000000");
            env.put("MASSCAST_OFAUTH_BURST", "1000000");
        }
        return env;
    }

    /** The admin binds {@code channelId} to the creator of {@code connectionId}; the approver approves there. */
    static void bind(SignedSlackClient client, int port, String channelId, String connectionId) {
        SignedSlackClient.Answer bound = client.slash(
                port,
                channelId,
                ADMIN,
                "bind connection=" + connectionId + " zone=Europe/Berlin approvers=<@" + APPROVER + "|bob>");
        if (bound.status() != 200 || !bound.body().contains("now speaks for")) {
            throw new IllegalStateException("binding " + channelId + " failed: " + bound.status() + " " + bound.body());
        }
    }

    /** The requester composes a free message with {@code text} to the fans; returns its id (MC-n). */
    static String compose(SignedSlackClient client, SlackView view, int port, String channelId, String text) {
        return compose(client, view, port, channelId, text, "");
    }

    /** As {@link #compose(SignedSlackClient, SlackView, int, String, String)}, with more options ({@code at="in 20h"}). */
    static String compose(
            SignedSlackClient client, SlackView view, int port, String channelId, String text, String options) {
        SignedSlackClient.Answer composed = client.slash(
                port,
                channelId,
                REQUESTER,
                "new text=\"" + text + "\" lists=fans" + (options.isEmpty() ? "" : " " + options));
        JsonObject reply = shown(view, composed);
        Matcher waiting = WAITING.matcher(reply.has("text") ? reply.get("text").getAsString() : "");
        if (!waiting.find()) {
            throw new IllegalStateException(
                    "composing in " + channelId + " failed: " + composed.status() + " " + reply);
        }
        return waiting.group(1);
    }

    /** The Approve button of a pending campaign, from the card {@code /masscast show} answers with privately. */
    static JsonObject approveButton(
            SignedSlackClient client, SlackView view, int port, String channelId, String humanId) {
        SignedSlackClient.Answer answer = client.slash(port, channelId, REQUESTER, "show " + humanId);
        JsonObject reply = shown(view, answer);
        JsonObject approve = reply.has("blocks")
                ? BlockKitJson.buttons(reply.getAsJsonArray("blocks")).get("Approve")
                : null;
        if (approve == null) {
            throw new IllegalStateException("no Approve button on " + humanId + ": " + answer.status() + " " + reply);
        }
        return approve;
    }

    /**
     * What the user was shown for a command: the ack's body, or, when the command outran the ack budget and the ack
     * came back empty, the answer sent to its response URL (its text and blocks) once it arrives.
     */
    static JsonObject shown(SlackView view, SignedSlackClient.Answer answer) {
        if (answer.status() != 200) {
            throw new IllegalStateException("masscast answered " + answer.status());
        }
        if (!answer.body().isEmpty()) {
            return JsonParser.parseString(answer.body()).getAsJsonObject();
        }
        try {
            FakeSlackApi.Call late = view.awaitAnswerCall(answer.responseUrl(), LATE_PATIENCE);
            JsonObject reply = new JsonObject();
            reply.addProperty("text", late.param("text"));
            if (!late.param("blocks").isEmpty()) {
                reply.add("blocks", late.jsonParam("blocks"));
            }
            return reply;
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
