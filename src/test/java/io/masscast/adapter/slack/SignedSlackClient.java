package io.masscast.adapter.slack;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Slack's side of {@code POST /slack/events} for the benchmarks: commands and button clicks, signed as Slack signs
 * them, over real HTTP to a server on loopback (masscast in this process or in a child one, or a bare Bolt app).
 * Every request is new (its own trigger and response URL), so none looks like a replay. Safe for many threads.
 */
final class SignedSlackClient {
    /** What came back: the status, the ack's body, how long the request took, and the response URL it carried. */
    record Answer(int status, String body, long nanos, String responseUrl) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final AtomicInteger TRIGGERS = new AtomicInteger(1);

    private final FakeSlackApi slack;
    private final Consumer<Answer> observer;

    SignedSlackClient(FakeSlackApi slack) {
        this(slack, answer -> {});
    }

    /** {@code observer} sees every answer (to time requests of one kind). */
    SignedSlackClient(FakeSlackApi slack, Consumer<Answer> observer) {
        this.slack = slack;
        this.observer = observer;
    }

    /** {@code /masscast text} typed by {@code userId} in {@code channelId}. */
    Answer slash(int port, String channelId, String userId, String text) {
        String responseUrl = slack.newResponseUrl();
        return post(
                port,
                SlackPayloads.form(SlackPayloads.slashCommand(channelId, userId, text, trigger(), responseUrl)),
                responseUrl);
    }

    /** {@code userId} clicks {@code button} (as the card's blocks hold it) on a message in {@code channelId}. */
    Answer click(int port, String channelId, String userId, JsonObject button) {
        String responseUrl = slack.newResponseUrl();
        return post(
                port,
                SlackPayloads.form(SlackPayloads.buttonClick(
                        channelId,
                        userId,
                        button.get("action_id").getAsString(),
                        button.get("value").getAsString(),
                        trigger(),
                        responseUrl)),
                responseUrl);
    }

    private String trigger() {
        return "trigger-" + TRIGGERS.getAndIncrement();
    }

    private Answer post(int port, String body, String responseUrl) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/slack/events"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        SlackTestBed.signature(body, System.currentTimeMillis() / 1000, SlackTestBed.SIGNING_SECRET)
                .forEach(request::header);
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer =
                    new Answer(response.statusCode(), response.body(), System.nanoTime() - started, responseUrl);
            observer.accept(answer);
            return answer;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
