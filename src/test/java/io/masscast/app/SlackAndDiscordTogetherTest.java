package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import com.sun.net.httpserver.HttpServer;
import io.masscast.adapter.common.AckBudgets;
import io.masscast.adapter.common.ChatAdapter;
import io.masscast.adapter.common.ChatCore;
import io.masscast.adapter.discord.DiscordAdapter;
import io.masscast.adapter.slack.SlackAdapter;
import io.masscast.config.ConfigLoader;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One masscast process serving Slack and Discord at once: a campaign composed in a Slack channel gets its card in
 * Slack, one composed in a Discord channel gets its card in Discord, and neither platform hears of the other's.
 */
class SlackAndDiscordTogetherTest {
    private static final ChannelRef SLACK_CHANNEL = new ChannelRef(Platform.SLACK, "T0TEST", "C0SLACKCARDS");
    private static final ChannelRef DISCORD_CHANNEL =
            new ChannelRef(Platform.DISCORD, "1100000000000000001", "1200000000000000002");
    private static final Actor ADMIN = Actor.of("UADMIN", "admin");
    private static final Actor ALICE = Actor.of("alice", "alice");

    @TempDir
    Path folder;

    @Test
    @SuppressWarnings("try") // the server only needs to run
    void eachChannelsCardGoesToItsOwnPlatform() throws Exception {
        List<String> slackPosts = new CopyOnWriteArrayList<>();
        HttpServer slackApi = fakeSlack(slackPosts);
        List<MessageCreateData> discordPosts = new CopyOnWriteArrayList<>();
        ShardManager discord = fakeDiscord(discordPosts);
        Map<String, String> env = Map.of(
                "SLACK_BOT_TOKEN",
                "xoxb-test-bot",
                "SLACK_SIGNING_SECRET",
                "test-signing-secret",
                "MASSCAST_SLACK_API_URL",
                "http://127.0.0.1:" + slackApi.getAddress().getPort() + "/api/",
                "DISCORD_BOT_TOKEN",
                "discord-test-token",
                "MASSCAST_OFAUTH",
                "simulator",
                "MASSCAST_ADMINS",
                ADMIN.userId(),
                "MASSCAST_DB_URL",
                "jdbc:sqlite:" + folder.resolve("masscast.db"),
                "MASSCAST_HTTP_PORT",
                Integer.toString(freePort()));
        AtomicReference<ChatCore> core = new AtomicReference<>();
        ServerMode.Adapters both = (config, chat) -> {
            core.set(chat);
            return List.<ChatAdapter>of(
                    new SlackAdapter(config.slack().orElseThrow(), chat),
                    new DiscordAdapter(
                            config.discord().orElseThrow(),
                            chat,
                            (settings, listener) -> discord,
                            AckBudgets.DEFAULT,
                            Clock.systemUTC()));
        };

        try (ServerMode server = ServerMode.start(ConfigLoader.load(env), both)) {
            for (ChannelRef channel : List.of(SLACK_CHANNEL, DISCORD_CHANNEL)) {
                assertThat(text(core.get()
                                .router()
                                .handle(channel, ADMIN, "bind connection=conn_demo zone=Europe/Berlin approvers=bob")))
                        .contains("now speaks for");
                assertThat(text(core.get()
                                .router()
                                .handle(channel, ALICE, "new text=\"Hi from " + channel.platform() + "\" lists=fans")))
                        .contains("MC-1 is waiting for approval");
            }

            await().atMost(Duration.ofSeconds(20)).until(() -> !slackPosts.isEmpty() && !discordPosts.isEmpty());
            assertThat(slackPosts)
                    .singleElement()
                    .asString()
                    .contains("channel=C0SLACKCARDS")
                    .contains("Hi from SLACK")
                    .doesNotContain("Hi from DISCORD");
            assertThat(discordPosts)
                    .singleElement()
                    .satisfies(post -> assertThat(post.toData().toString())
                            .contains("Hi from DISCORD")
                            .doesNotContain("Hi from SLACK"));
            verify(discord, never()).getChannelById(eq(GuildMessageChannel.class), eq(SLACK_CHANNEL.channelId()));
        } finally {
            slackApi.stop(0);
        }
    }

    private static String text(Reply reply) {
        return ((Reply.Text) reply).text();
    }

    /** Slack's Web API: answers auth.test and chat.postMessage, and keeps each posted message's form. */
    private static HttpServer fakeSlack(List<String> posts) throws IOException {
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        AtomicLong ts = new AtomicLong(1);
        api.createContext("/api/", exchange -> {
            String body = URLDecoder.decode(
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    StandardCharsets.UTF_8);
            if (exchange.getRequestURI().getPath().endsWith("chat.postMessage")) {
                posts.add(body);
            }
            byte[] answer =
                    ("{\"ok\":true,\"team_id\":\"T0TEST\",\"user_id\":\"UMASSCAST\",\"bot_id\":\"BMASSCAST\",\"ts\":\"1770000000."
                                    + ts.getAndIncrement() + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        api.start();
        return api;
    }

    /** Discord's side of the bot token: the one Discord channel, whose posted messages are kept. */
    private static ShardManager fakeDiscord(List<MessageCreateData> posts) {
        ShardManager shards = mock(ShardManager.class);
        GuildMessageChannel channel = mock(GuildMessageChannel.class);
        when(channel.sendMessage(any(MessageCreateData.class))).thenAnswer(call -> {
            MessageCreateAction action = mock(MessageCreateAction.class, RETURNS_SELF);
            when(action.complete()).thenAnswer(sent -> {
                posts.add(call.getArgument(0));
                Message message = mock(Message.class);
                when(message.getId()).thenReturn(Long.toString(1_300_000_000_000_000_000L + posts.size()));
                return message;
            });
            return action;
        });
        when(shards.getChannelById(GuildMessageChannel.class, DISCORD_CHANNEL.channelId()))
                .thenReturn(channel);
        when(shards.getThreadChannelById(anyString())).thenReturn(null);
        return shards;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
