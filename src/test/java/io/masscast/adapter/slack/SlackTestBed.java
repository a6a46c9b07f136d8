package io.masscast.adapter.slack;

import com.google.gson.JsonObject;
import com.slack.api.app_backend.SlackSignature;
import io.javalin.Javalin;
import io.masscast.adapter.common.AckBudgets;
import io.masscast.adapter.common.LocalSeenRequests;
import io.masscast.config.Secret;
import io.masscast.config.SlackSettings;
import io.masscast.core.campaign.CampaignService;
import io.masscast.core.command.CampaignCards;
import io.masscast.core.command.CampaignViews;
import io.masscast.core.model.Campaign;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import io.masscast.core.port.SeenRequests;
import io.masscast.testing.CommandLayer;
import io.masscast.testing.FakeOfAuthGateway;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import io.masscast.testing.RecordingInteractions;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Slack adapter in HTTP mode on a loopback Javalin server, over the real command layer with in-memory
 * stores, a fake OFAuth and a fake Slack Web API. Requests are signed as Slack signs them.
 */
final class SlackTestBed implements AutoCloseable {
    static final String SIGNING_SECRET = "test-signing-secret";
    static final String BOT_TOKEN = "xoxb-test";
    static final String ADMIN = "UADMIN";
    static final String ALICE = "UALICE";
    static final String BOB = "UBOB";
    static final String CAROL = "UCAROL";
    static final ChannelRef CHANNEL = new ChannelRef(Platform.SLACK, SlackPayloads.TEAM, SlackPayloads.CHANNEL);

    /** One request sent to masscast, with the trigger and response URL it carried. */
    record Sent(HttpResponse<String> response, String triggerId, String responseUrl) {
        int status() {
            return response.statusCode();
        }

        String body() {
            return response.body();
        }
    }

    final FakeSlackApi slack;
    final FakeOfAuthGateway ofauth = new FakeOfAuthGateway();
    final InMemoryStores stores = new InMemoryStores();
    final MutableClock clock = MutableClock.at("2026-03-20T10:00:00Z");
    final CampaignService campaigns;
    final SlackAdapter adapter;
    /** The acknowledgements the adapter reported, for metrics. */
    final RecordingInteractions acks;

    private final CampaignViews views;
    private final Javalin server;
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger triggers = new AtomicInteger(1);
    private final Map<Long, String> cardMessages = new LinkedHashMap<>();

    private SlackTestBed(AckBudgets budgets, SeenRequests seen) throws IOException {
        slack = new FakeSlackApi();
        CommandLayer core = CommandLayer.over(stores, ofauth, clock, Set.of(ADMIN), seen);
        acks = core.acks();
        campaigns = core.campaigns();
        views = core.views();
        SlackSettings settings = new SlackSettings(
                Secret.of(BOT_TOKEN),
                Optional.empty(),
                Optional.of(Secret.of(SIGNING_SECRET)),
                URI.create(slack.apiUrl()));
        adapter = new SlackAdapter(settings, core.chat(), budgets, Clock.systemUTC());
        adapter.start();
        server = Javalin.create()
                .post("/slack/events", adapter.httpHandler().orElseThrow())
                .start("127.0.0.1", 0);
    }

    static SlackTestBed start() throws IOException {
        return new SlackTestBed(AckBudgets.DEFAULT, new LocalSeenRequests());
    }

    static SlackTestBed start(AckBudgets budgets) throws IOException {
        return new SlackTestBed(budgets, new LocalSeenRequests());
    }

    /** One replica of several: the memory of requests seen is {@code seen}, shared with the others. */
    static SlackTestBed start(SeenRequests seen) throws IOException {
        return new SlackTestBed(AckBudgets.DEFAULT, seen);
    }

    // ---- requests, signed as Slack signs them

    HttpResponse<String> post(String body) {
        return post(body, signature(body, System.currentTimeMillis() / 1000, SIGNING_SECRET));
    }

    HttpResponse<String> post(String body, Map<String, String> headers) {
        return post(HttpRequest.BodyPublishers.ofString(body), headers);
    }

    /** Any body (raw bytes, a stream sent chunked) with these headers over Slack's form content type. */
    HttpResponse<String> post(HttpRequest.BodyPublisher body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + server.port() + "/slack/events"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(body);
        headers.forEach(request::setHeader);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Map<String, String> signature(String body, long epochSeconds, String secret) {
        String timestamp = Long.toString(epochSeconds);
        return Map.of(
                SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP,
                timestamp,
                SlackSignature.HeaderNames.X_SLACK_SIGNATURE,
                new SlackSignature.Generator(secret).generate(timestamp, body));
    }

    // ---- a conversation in the channel

    Sent slash(String userId, String text) {
        String trigger = "trigger-" + triggers.getAndIncrement();
        String responseUrl = slack.newResponseUrl();
        return new Sent(
                post(SlackPayloads.form(SlackPayloads.slashCommand(userId, text, trigger, responseUrl))),
                trigger,
                responseUrl);
    }

    Sent click(String userId, String actionId, String value) {
        String trigger = "trigger-" + triggers.getAndIncrement();
        String responseUrl = slack.newResponseUrl();
        return new Sent(
                post(SlackPayloads.form(SlackPayloads.buttonClick(userId, actionId, value, trigger, responseUrl))),
                trigger,
                responseUrl);
    }

    HttpResponse<String> submit(String userId, JsonObject openedView, Map<String, JsonObject> inputs) {
        return post(SlackPayloads.form(SlackPayloads.viewSubmission(userId, openedView, inputs)));
    }

    /** An admin binds the channel to Mila Rose, with Alice, Bob and Carol as approvers (Alice requests in these tests). */
    void bindChannel() {
        Sent bound = slash(
                ADMIN,
                "bind connection=" + FakeOfAuthGateway.CONNECTION + " zone=Europe/Berlin approvers=<@" + ALICE
                        + "|alice>,<@" + BOB + "|bob>,<@" + CAROL + "|carol>");
        if (bound.status() != 200 || !bound.body().contains("now speaks for")) {
            throw new IllegalStateException("binding failed: " + bound.status() + " " + bound.body());
        }
    }

    /** The view masscast passed to {@code views.open} for this trigger. */
    JsonObject openedView(String triggerId) {
        return slack.awaitCall("views.open", call -> call.param("trigger_id").equals(triggerId))
                .jsonParam("view")
                .getAsJsonObject();
    }

    Campaign campaign(long id) {
        return campaigns.find(id).orElseThrow();
    }

    /** Does what the outbox does for a card entry: shows the campaign as it is now, updating its message. */
    String showCard(long campaignId) {
        Campaign campaign = campaign(campaignId);
        String shown = adapter.notifier()
                .showCard(
                        campaign.channel(),
                        Optional.ofNullable(cardMessages.get(campaignId)),
                        new CampaignCards().render(views.of(campaign)));
        cardMessages.put(campaignId, shown);
        return shown;
    }

    @Override
    public void close() {
        server.stop();
        adapter.stop();
        slack.close();
    }
}
