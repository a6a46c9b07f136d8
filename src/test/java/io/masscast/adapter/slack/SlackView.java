package io.masscast.adapter.slack;

import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What people see in the fake Slack, as masscast's calls arrive: each campaign card's headline every time it was
 * posted or updated (with the moment), the Approve button of each card, and the private answers sent to response
 * URLs. For the benchmarks, which wait on these instead of asking masscast.
 */
final class SlackView {
    /** A card's title line as masscast writes it in the message text: "MC-12 · Message for Mila Rose — approved". */
    private static final Pattern TITLE = Pattern.compile("^(MC-\\d+) · .* — (.+)$");

    /** One showing of a card: its headline ("awaiting approval", "sending", ...) and when it arrived. */
    record Showing(String headline, long atNanos) {}

    private final Map<String, List<Showing>> showings = new ConcurrentHashMap<>();
    private final Map<String, JsonObject> approveButtons = new ConcurrentHashMap<>();
    private final Map<String, FakeSlackApi.Call> answers = new ConcurrentHashMap<>();
    private final AtomicLong cardCalls = new AtomicLong();

    SlackView(FakeSlackApi slack) {
        slack.onCall(this::seen);
    }

    private void seen(FakeSlackApi.Call call) {
        switch (call.method()) {
            case "chat.postMessage", "chat.update" -> card(call);
            case FakeSlackApi.RESPONSE_URL -> answers.put(call.param("path"), call);
            default -> {}
        }
    }

    private void card(FakeSlackApi.Call call) {
        Matcher title = TITLE.matcher(call.param("text"));
        if (!title.matches()) {
            return; // a note or another message
        }
        cardCalls.incrementAndGet();
        String key = key(call.param("channel"), title.group(1));
        String headline = title.group(2);
        List<Showing> shown = showings.computeIfAbsent(key, k -> new ArrayList<>());
        synchronized (shown) {
            shown.add(new Showing(headline, call.receivedNanos()));
        }
        if (headline.equals("awaiting approval") && call.method().equals("chat.postMessage")) {
            JsonObject approve = BlockKitJson.buttons(call.jsonParam("blocks").getAsJsonArray())
                    .get("Approve");
            if (approve != null) {
                approveButtons.put(key, approve);
            }
        }
    }

    /** The Approve button of the card of {@code humanId} in {@code channelId}, once the card is posted. */
    JsonObject awaitApproveButton(String channelId, String humanId, Duration patience) throws TimeoutException {
        return await(
                () -> Optional.ofNullable(approveButtons.get(key(channelId, humanId))),
                patience,
                "the card of " + humanId + " in " + channelId);
    }

    /** The first showing of the card after {@code sinceNanos} whose headline matches, once it arrived. */
    Showing awaitShowing(
            String channelId, String humanId, long sinceNanos, Predicate<String> headline, Duration patience)
            throws TimeoutException {
        return await(
                () -> showingsOf(channelId, humanId).stream()
                        .filter(s -> s.atNanos() >= sinceNanos && headline.test(s.headline()))
                        .findFirst(),
                patience,
                "a showing of " + humanId + " in " + channelId);
    }

    List<Showing> showingsOf(String channelId, String humanId) {
        List<Showing> shown = showings.getOrDefault(key(channelId, humanId), List.of());
        synchronized (shown) {
            return List.copyOf(shown);
        }
    }

    /** The text of the private answer sent to {@code responseUrl}, once it arrived. */
    String awaitAnswer(String responseUrl, Duration patience) throws TimeoutException {
        return awaitAnswerCall(responseUrl, patience).param("text");
    }

    /** The answer sent to {@code responseUrl} (its text and blocks), once it arrived. */
    FakeSlackApi.Call awaitAnswerCall(String responseUrl, Duration patience) throws TimeoutException {
        String path = responseUrl.substring(responseUrl.indexOf("/respond/"));
        return await(() -> Optional.ofNullable(answers.get(path)), patience, "the answer at " + responseUrl);
    }

    /** Card posts and updates seen so far. */
    long cardCalls() {
        return cardCalls.get();
    }

    private static String key(String channelId, String humanId) {
        return channelId + "/" + humanId;
    }

    private static <T> T await(java.util.function.Supplier<Optional<T>> probe, Duration patience, String what)
            throws TimeoutException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Optional<T> found = probe.get();
            if (found.isPresent()) {
                return found.get();
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no " + what + " within " + patience.toMillis() + " ms");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TimeoutException("interrupted while waiting for " + what);
            }
        }
    }
}
