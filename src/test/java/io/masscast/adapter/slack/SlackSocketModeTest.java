package io.masscast.adapter.slack;

import static io.masscast.adapter.slack.SlackTestBed.ALICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import io.masscast.adapter.common.AckBudgets;
import io.masscast.config.Secret;
import io.masscast.config.SlackSettings;
import io.masscast.core.health.Readiness;
import io.masscast.testing.CommandLayer;
import io.masscast.testing.FakeOfAuthGateway;
import io.masscast.testing.InMemoryStores;
import io.masscast.testing.MutableClock;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Socket Mode against a local WebSocket server: the app asks {@code apps.connections.open} for the URL with its
 * app-level token, connects, acks each envelope with the listener's answer, reconnects when Slack drops the
 * connection (and is not ready meanwhile), and disconnects for good when masscast stops.
 */
class SlackSocketModeTest {
    static final String APP_TOKEN = "xapp-test";

    private FakeSlackApi slack;
    private FakeSocketModeServer socket;
    private SlackAdapter adapter;

    @BeforeEach
    void start() throws Exception {
        slack = new FakeSlackApi();
        socket = FakeSocketModeServer.start(Duration.ofSeconds(5));
        slack.socketModeUrl(socket.url());
        CommandLayer core = CommandLayer.over(
                new InMemoryStores(),
                new FakeOfAuthGateway(),
                MutableClock.at("2026-03-20T10:00:00Z"),
                Set.of(SlackTestBed.ADMIN));
        SlackSettings settings = new SlackSettings(
                Secret.of(SlackTestBed.BOT_TOKEN),
                Optional.of(Secret.of(APP_TOKEN)),
                Optional.empty(),
                URI.create(slack.apiUrl()));
        adapter = new SlackAdapter(settings, core.chat(), AckBudgets.DEFAULT, Clock.systemUTC());
        adapter.start();
    }

    @AfterEach
    void stop() {
        adapter.stop();
        socket.close();
        slack.close();
    }

    @Test
    void connectsWithTheAppTokenAndAcksASlashCommandWithItsAnswer() {
        socket.awaitConnections(1, Duration.ofSeconds(5));
        FakeSlackApi.Call open = slack.awaitCall("apps.connections.open");
        assertThat(open.token()).contains(APP_TOKEN);
        assertThat(adapter.httpHandler()).isEmpty();

        socket.push(
                "envelope-1",
                "slash_commands",
                SlackPayloads.slashCommandJson(ALICE, "help", "trigger-1", slack.newResponseUrl()));

        JsonObject ack = socket.awaitAck("envelope-1");
        assertThat(ack.getAsJsonObject("payload").get("response_type").getAsString())
                .isEqualTo("ephemeral");
        assertThat(ack.getAsJsonObject("payload").get("text").getAsString()).contains("/masscast new");
    }

    @Test
    void aCommandThatOpensAFormAcksEmptyAndCallsViewsOpen() {
        socket.awaitConnections(1, Duration.ofSeconds(5));
        socket.push(
                "envelope-1",
                "slash_commands",
                SlackPayloads.slashCommandJson(
                        SlackTestBed.ADMIN,
                        "bind connection=conn_demo zone=Europe/Berlin approvers=<@UBOB|bob>",
                        "trigger-1",
                        slack.newResponseUrl()));
        assertThat(socket.awaitAck("envelope-1")
                        .getAsJsonObject("payload")
                        .get("text")
                        .getAsString())
                .contains("now speaks for");

        socket.push(
                "envelope-2",
                "slash_commands",
                SlackPayloads.slashCommandJson(ALICE, "new", "trigger-2", slack.newResponseUrl()));

        JsonObject ack = socket.awaitAck("envelope-2");
        assertThat(ack.has("payload")).isFalse();
        FakeSlackApi.Call open =
                slack.awaitCall("views.open", call -> call.param("trigger_id").equals("trigger-2"));
        assertThat(open.token()).contains(SlackTestBed.BOT_TOKEN);
        assertThat(open.jsonParam("view").getAsJsonObject().get("callback_id").getAsString())
                .isEqualTo(ComposeModal.CALLBACK_ID);
    }

    @Test
    void isReadyWhileConnectedAndNotWhileSlackHasDroppedTheConnection() {
        socket.awaitConnections(1, Duration.ofSeconds(5));
        await().atMost(Duration.ofSeconds(5)).until(() -> adapter.readiness().ready());
        assertThat(adapter.readiness()).isEqualTo(Readiness.ready("slack", "Socket Mode connected"));

        socket.dropConnection();

        await().atMost(Duration.ofSeconds(2)).until(() -> !adapter.readiness().ready());
        assertThat(adapter.readiness())
                .isEqualTo(Readiness.notReady("slack", "Socket Mode is not connected; reconnecting"));
        socket.awaitConnections(2, Duration.ofSeconds(20));
        await().atMost(Duration.ofSeconds(5)).until(() -> adapter.readiness().ready());
    }

    @Test
    void stoppingDisconnectsSoSlackSendsToTheAppsOtherConnections() {
        socket.awaitConnections(1, Duration.ofSeconds(5));

        adapter.stopAccepting();

        await().atMost(Duration.ofSeconds(5)).until(() -> !socket.connected());
        assertThat(adapter.readiness()).isEqualTo(Readiness.notReady("slack", "stopping"));
    }

    @Test
    void reconnectsWhenSlackDropsTheConnection() {
        socket.awaitConnections(1, Duration.ofSeconds(5));

        socket.dropConnection();

        socket.awaitConnections(2, Duration.ofSeconds(20));
        assertThat(slack.calls("apps.connections.open")).hasSizeGreaterThanOrEqualTo(2);
        socket.push(
                "envelope-3",
                "slash_commands",
                SlackPayloads.slashCommandJson(ALICE, "help", "trigger-3", slack.newResponseUrl()));
        assertThat(socket.awaitAck("envelope-3")
                        .getAsJsonObject("payload")
                        .get("text")
                        .getAsString())
                .contains("/masscast");
    }
}
