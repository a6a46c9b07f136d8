package io.masscast.adapter.slack;

import com.slack.api.Slack;
import com.slack.api.app_backend.interactive_components.response.ActionResponse;
import com.slack.api.bolt.util.Responder;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import com.slack.api.webhook.WebhookResponse;
import io.github.bucket4j.Bucket;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The Slack Web API calls masscast makes, in one place. Each call fails with {@link SlackCallFailed} (Slack's
 * error code, never the token). After a 429 the method is not called again before Slack's {@code Retry-After}
 * has passed; the outbox's posts and updates are also paced below Slack's tiers (about one message per second
 * per channel, 50 updates a minute), so a burst of cards waits a little instead of being refused.
 */
final class SlackApi {
    /**
     * Every Web API method this package calls with the bot token, and the bot scopes it needs. The manifest
     * test holds the manifests to this table, and the end-to-end tests check no other method is called.
     * {@code chat:write.public} lets cards go to public channels the bot was not invited to;
     * {@code usergroups:read} lets a user group be an approver; {@code files:read} lets the compose form's file input
     * work and masscast read the files people attach in it.
     */
    static final Map<String, Set<String>> METHOD_SCOPES = Map.of(
            "auth.test", Set.of(),
            "views.open", Set.of(),
            "chat.postMessage", Set.of("chat:write", "chat:write.public"),
            "chat.update", Set.of("chat:write"),
            "chat.postEphemeral", Set.of("chat:write"),
            "usergroups.users.list", Set.of("usergroups:read"),
            "chat.getPermalink", Set.of(),
            "files.getUploadURLExternal", Set.of("files:write"),
            "files.completeUploadExternal", Set.of("files:write"),
            "files.info", Set.of("files:read"));

    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(30);
    private static final Duration MAX_PACING_WAIT = Duration.ofSeconds(5);

    private final Slack slack;
    private final String botToken;
    private final MethodsClient methods;
    private final Clock clock;
    private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();
    private final Map<String, Bucket> postsByChannel = new ConcurrentHashMap<>();
    private final Bucket updates = Bucket.builder()
            .addLimit(limit -> limit.capacity(10).refillGreedy(50, Duration.ofMinutes(1)))
            .build();

    SlackApi(Slack slack, String botToken, Clock clock) {
        this.slack = slack;
        this.botToken = botToken;
        this.methods = slack.methods(botToken);
        this.clock = clock;
    }

    /** Posts a message (in the thread of {@code threadTs} if given) and returns its {@code ts}. */
    String postMessage(String channel, Optional<String> threadTs, SlackMessage message) {
        pace(
                "chat.postMessage",
                postsByChannel.computeIfAbsent(
                        channel,
                        c -> Bucket.builder()
                                .addLimit(limit -> limit.capacity(3).refillGreedy(1, Duration.ofSeconds(1)))
                                .build()));
        return call(
                        "chat.postMessage",
                        () -> methods.chatPostMessage(r -> r.channel(channel)
                                .threadTs(threadTs.orElse(null))
                                .text(message.text())
                                .blocks(blocksOrNull(message))))
                .getTs();
    }

    void update(String channel, String ts, SlackMessage message) {
        pace("chat.update", updates);
        call(
                "chat.update",
                () -> methods.chatUpdate(
                        r -> r.channel(channel).ts(ts).text(message.text()).blocks(blocksOrNull(message))));
    }

    void postEphemeral(String channel, String user, SlackMessage message) {
        call(
                "chat.postEphemeral",
                () -> methods.chatPostEphemeral(
                        r -> r.channel(channel).user(user).text(message.text()).blocks(blocksOrNull(message))));
    }

    /** The user ids in the user group {@code groupId}. */
    List<String> groupMembers(String groupId) {
        List<String> users = call("usergroups.users.list", () -> methods.usergroupsUsersList(r -> r.usergroup(groupId)))
                .getUsers();
        return users == null ? List.of() : users;
    }

    /** The link that opens a message. */
    String permalink(String channel, String ts) {
        return call(
                        "chat.getPermalink",
                        () -> methods.chatGetPermalink(r -> r.channel(channel).messageTs(ts)))
                .getPermalink();
    }

    /** Where to send a file's bytes, and the id Slack gave the file (first step of an upload). */
    record UploadTarget(String uploadUrl, String fileId) {}

    UploadTarget uploadUrl(String fileName, int length, String altText) {
        FilesGetUploadURLExternalResponse answer = call(
                "files.getUploadURLExternal",
                () -> methods.filesGetUploadURLExternal(
                        r -> r.filename(fileName).length(length).altTxt(altText.isBlank() ? null : altText)));
        return new UploadTarget(answer.getUploadUrl(), answer.getFileId());
    }

    /** Sends the file's bytes to the upload URL Slack gave (second step; the URL carries its own authorisation). */
    void upload(String uploadUrl, byte[] bytes) {
        Request request = new Request.Builder()
                .url(uploadUrl)
                .post(RequestBody.create(bytes, MediaType.get("application/octet-stream")))
                .build();
        try (Response response =
                slack.getHttpClient().getOkHttpClient().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                throw new SlackCallFailed("file upload", "http_" + response.code());
            }
        } catch (IOException e) {
            throw SlackCallFailed.transport("file upload", e);
        }
    }

    /** Shares the uploaded file in the channel with {@code comment} as its message (last step). */
    void completeUpload(String fileId, String title, String channel, String comment) {
        call(
                "files.completeUploadExternal",
                () -> methods.filesCompleteUploadExternal(
                        r -> r.files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder()
                                        .id(fileId)
                                        .title(title)
                                        .build()))
                                .channelId(channel)
                                .initialComment(comment)));
    }

    /** What Slack knows of a file shared with the app (its name, type, size and where to download it). */
    com.slack.api.model.File fileInfo(String fileId) {
        return call("files.info", () -> methods.filesInfo(r -> r.file(fileId))).getFile();
    }

    /**
     * The bytes of a file Slack keeps, downloaded with the bot token. The token goes only to Slack's own hosts (or
     * the host of the configured Web API, for GovSlack, a proxy or tests): a download link elsewhere is refused.
     */
    InputStream download(String url) throws IOException {
        HttpUrl target = HttpUrl.parse(url == null ? "" : url);
        HttpUrl api = HttpUrl.parse(slack.getConfig().getMethodsEndpointUrlPrefix());
        if (target == null
                || !(isSlackHost(target.host()) || (api != null && api.host().equals(target.host())))) {
            throw new IOException("Slack gave a download link outside Slack");
        }
        Request request = new Request.Builder()
                .url(target)
                .header("Authorization", "Bearer " + botToken)
                .get()
                .build();
        Response response =
                slack.getHttpClient().getOkHttpClient().newCall(request).execute();
        if (!response.isSuccessful()) {
            response.close();
            throw new IOException("Slack answered the download with HTTP " + response.code());
        }
        return response.body().byteStream();
    }

    private static boolean isSlackHost(String host) {
        return host.equals("slack.com") || host.endsWith(".slack.com") || host.endsWith(".slack-gov.com");
    }

    void openView(String triggerId, View view) {
        call("views.open", () -> methods.viewsOpen(r -> r.triggerId(triggerId).view(view)));
    }

    /** Answers through a payload's {@code response_url}: private unless the message says otherwise. */
    void respond(String responseUrl, SlackMessage message) {
        ActionResponse response = ActionResponse.builder()
                .responseType(message.isPrivate() ? "ephemeral" : "in_channel")
                .replaceOriginal(false)
                .text(message.text())
                .blocks(blocksOrNull(message))
                .build();
        try {
            WebhookResponse answer = new Responder(slack, responseUrl).send(response);
            if (answer.getCode() / 100 != 2) {
                throw new SlackCallFailed("response_url", "http_" + answer.getCode());
            }
        } catch (IOException e) {
            throw new SlackCallFailed("response_url", e.getClass().getSimpleName());
        }
    }

    @FunctionalInterface
    private interface Call<T> {
        T run() throws IOException, SlackApiException;
    }

    private <T extends SlackApiTextResponse> T call(String method, Call<T> call) {
        Instant until = blockedUntil.get(method);
        if (until != null && clock.instant().isBefore(until)) {
            throw new SlackCallFailed(method, "ratelimited", Optional.of(until));
        }
        try {
            T response = call.run();
            if (!response.isOk()) {
                throw new SlackCallFailed(method, response.getError());
            }
            return response;
        } catch (SlackApiException e) {
            if (e.getResponse().code() == 429) {
                Instant retryAt =
                        clock.instant().plus(retryAfter(e.getResponse().header("Retry-After")));
                blockedUntil.put(method, retryAt);
                throw new SlackCallFailed(method, "ratelimited", Optional.of(retryAt));
            }
            throw new SlackCallFailed(
                    method,
                    e.getError() != null && e.getError().getError() != null
                            ? e.getError().getError()
                            : "http_" + e.getResponse().code());
        } catch (IOException e) {
            throw SlackCallFailed.transport(method, e);
        }
    }

    private static void pace(String method, Bucket bucket) {
        try {
            if (!bucket.asBlocking().tryConsume(1, MAX_PACING_WAIT)) {
                throw new SlackCallFailed(method, "paced: too many messages at once, try again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SlackCallFailed(method, "interrupted");
        }
    }

    private static Duration retryAfter(String header) {
        try {
            return header == null
                    ? DEFAULT_RETRY_AFTER
                    : Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip())));
        } catch (NumberFormatException e) {
            return DEFAULT_RETRY_AFTER;
        }
    }

    private static List<LayoutBlock> blocksOrNull(SlackMessage message) {
        return message.blocks().isEmpty() ? null : message.blocks();
    }
}
