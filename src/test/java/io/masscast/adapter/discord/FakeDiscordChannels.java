package io.masscast.adapter.discord;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.requests.RestAction;
import net.dv8tion.jda.api.requests.restaction.MessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.MessageEditAction;
import net.dv8tion.jda.api.requests.restaction.ThreadChannelAction;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.data.DataObject;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * Discord's side of the bot token, as Mockito mocks of JDA's shard manager and channels: what masscast posts, edits
 * and writes into threads is recorded as the JSON Discord would receive ({@code toData()}). A channel id the
 * fake does not know is a channel the bot can't see.
 */
final class FakeDiscordChannels {
    /** One call with the bot token: {@code post}, {@code edit} or {@code thread note}, in which channel or thread. */
    record Call(String what, String channelId, String messageId, DataObject json) {
        String content() {
            return json.hasKey("content") ? json.getString("content") : "";
        }

        DataObject embed() {
            return json.getArray("embeds").getObject(0);
        }
    }

    final ShardManager shards = mock(ShardManager.class);
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final Map<String, ThreadChannel> threads = new ConcurrentHashMap<>();
    private final Map<String, DataObject> messages = new ConcurrentHashMap<>();
    private final AtomicLong nextMessage = new AtomicLong(1_300_000_000_000_000_001L);
    private final AtomicReference<RuntimeException> nextPostFails = new AtomicReference<>();

    FakeDiscordChannels(String... channelIds) {
        for (String channelId : channelIds) {
            GuildMessageChannel channel = channel(channelId);
            when(shards.getChannelById(GuildMessageChannel.class, channelId)).thenReturn(channel);
        }
        when(shards.getThreadChannelById(anyString())).thenAnswer(call -> threads.get(call.<String>getArgument(0)));
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    List<Call> calls(String what) {
        return calls.stream().filter(c -> c.what().equals(what)).toList();
    }

    /** The next post (in a channel or a thread) fails with {@code failure}, as JDA would throw it. */
    void failNextPost(RuntimeException failure) {
        nextPostFails.set(failure);
    }

    /** What JDA throws when Discord answers with this error. */
    static ErrorResponseException answered(ErrorResponse error, boolean serverError) {
        ErrorResponseException answered = mock(ErrorResponseException.class);
        when(answered.getErrorResponse()).thenReturn(error);
        when(answered.getErrorCode()).thenReturn(error.getCode());
        when(answered.isServerError()).thenReturn(serverError);
        return answered;
    }

    private void failIfAsked() {
        RuntimeException failure = nextPostFails.getAndSet(null);
        if (failure != null) {
            throw failure;
        }
    }

    /** Someone deletes a message in Discord. */
    void delete(String messageId) {
        messages.remove(messageId);
    }

    private GuildMessageChannel channel(String channelId) {
        GuildMessageChannel channel = mock(GuildMessageChannel.class);
        when(channel.getId()).thenReturn(channelId);
        when(channel.sendMessage(any(MessageCreateData.class))).thenAnswer(call -> {
            MessageCreateData data = call.getArgument(0);
            MessageCreateAction action = mock(MessageCreateAction.class, RETURNS_SELF);
            when(action.complete()).thenAnswer(sent -> {
                failIfAsked();
                String id = Long.toString(nextMessage.getAndIncrement());
                messages.put(id, data.toData());
                calls.add(new Call("post", channelId, id, data.toData()));
                return message(channel, id);
            });
            return action;
        });
        when(channel.editMessageById(anyString(), any(MessageEditData.class))).thenAnswer(call -> {
            String id = call.getArgument(0);
            MessageEditData data = call.getArgument(1);
            MessageEditAction action = mock(MessageEditAction.class, RETURNS_SELF);
            when(action.complete()).thenAnswer(sent -> {
                if (!messages.containsKey(id)) {
                    throw unknownMessage();
                }
                messages.put(id, data.toData());
                calls.add(new Call("edit", channelId, id, data.toData()));
                return message(channel, id);
            });
            return action;
        });
        when(channel.retrieveMessageById(anyString())).thenAnswer(call -> {
            String id = call.getArgument(0);
            @SuppressWarnings("unchecked")
            RestAction<Message> action = mock(RestAction.class);
            when(action.complete()).thenAnswer(read -> {
                if (!messages.containsKey(id)) {
                    throw unknownMessage();
                }
                return message(channel, id);
            });
            return action;
        });
        return channel;
    }

    private Message message(GuildMessageChannel channel, String id) {
        Message message = mock(Message.class);
        when(message.getId()).thenReturn(id);
        when(message.getStartedThread()).thenAnswer(call -> threads.get(id));
        DataObject json = messages.get(id);
        List<MessageEmbed> embeds = new ArrayList<>();
        if (json != null && json.hasKey("embeds") && !json.getArray("embeds").isEmpty()) {
            MessageEmbed embed = mock(MessageEmbed.class);
            when(embed.getTitle())
                    .thenReturn(json.getArray("embeds").getObject(0).getString("title", ""));
            embeds.add(embed);
        }
        when(message.getEmbeds()).thenReturn(embeds);
        when(message.createThreadChannel(anyString())).thenAnswer(call -> {
            String name = call.getArgument(0);
            ThreadChannelAction action = mock(ThreadChannelAction.class, RETURNS_SELF);
            when(action.complete())
                    .thenAnswer(started -> threads.computeIfAbsent(id, thread -> thread(channel, id, name)));
            return action;
        });
        return message;
    }

    private ThreadChannel thread(GuildMessageChannel parent, String id, String name) {
        ThreadChannel thread = mock(ThreadChannel.class);
        when(thread.getId()).thenReturn(id);
        when(thread.getName()).thenReturn(name);
        when(thread.sendMessage(any(MessageCreateData.class))).thenAnswer(call -> {
            MessageCreateData data = call.getArgument(0);
            MessageCreateAction action = mock(MessageCreateAction.class, RETURNS_SELF);
            when(action.complete()).thenAnswer(sent -> {
                failIfAsked();
                calls.add(new Call(
                        "thread note", parent.getId(), id, data.toData().put("thread_name", name)));
                return message(parent, Long.toString(nextMessage.getAndIncrement()));
            });
            return action;
        });
        return thread;
    }

    private static ErrorResponseException unknownMessage() {
        return answered(ErrorResponse.UNKNOWN_MESSAGE, false);
    }
}
