package io.masscast.adapter.discord;

import io.masscast.core.command.Card;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatImage;
import io.masscast.core.model.Platform;
import io.masscast.core.port.ChatNotifier;
import io.masscast.core.port.NotDelivered;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.entities.channel.middleman.GuildMessageChannel;
import net.dv8tion.jda.api.entities.channel.middleman.MessageChannel;
import net.dv8tion.jda.api.exceptions.ErrorResponseException;
import net.dv8tion.jda.api.requests.ErrorResponse;
import net.dv8tion.jda.api.sharding.ShardManager;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's way into Discord, with the bot token (interaction tokens expire after 15 minutes, cards live for
 * days): a card is posted once as an embed with buttons (its message id becomes the card's id) and then edited in
 * place; notes go to a thread on the card's message, started on the first note (a thread started from a message
 * has the message's id), and channel messages into the channel (connection alerts; a digest with its chart as an
 * attachment whose description is the chart's alt text). Calls run on the outbox's thread and wait for
 * Discord; JDA paces them under Discord's rate limits. Failures throw {@link DiscordCallFailed} and the outbox
 * retries; a note or message Discord certainly did not post (it refused it, or it never left) throws
 * {@link NotDelivered}, so the outbox knows a retry can't post it twice.
 */
final class DiscordNotifier implements ChatNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordNotifier.class);
    static final int THREAD_NAME_MAX = 100;
    /** Discord's limit for an attachment's description (its alt text). */
    static final int ALT_TEXT_MAX = 1024;

    private final Supplier<ShardManager> shards;
    private final DiscordCards cards;

    /** {@code shards}: the connection, once the adapter has started. */
    DiscordNotifier(Supplier<ShardManager> shards, DiscordCards cards) {
        this.shards = shards;
        this.cards = cards;
    }

    @Override
    public String showCard(ChannelRef channel, Optional<String> messageId, Card card) {
        GuildMessageChannel target = channel(channel);
        DiscordMessage message = cards.render(card, false);
        if (messageId.isPresent()) {
            try {
                call(
                        "editing card " + messageId.get(),
                        () -> target.editMessageById(messageId.get(), message.edit())
                                .complete());
                return messageId.get();
            } catch (ErrorResponseException e) {
                if (e.getErrorResponse() != ErrorResponse.UNKNOWN_MESSAGE) {
                    throw failed("editing card " + messageId.get(), e);
                }
                // Someone deleted the card: post it again rather than leave the channel without it.
                LOG.info("Card message {} in {} is gone; posting the card again", messageId.get(), channel);
            }
        }
        try {
            return call(
                            "posting a card",
                            () -> target.sendMessage(message.create()).complete())
                    .getId();
        } catch (ErrorResponseException e) {
            throw failed("posting a card in " + channel, e);
        }
    }

    @Override
    public void postNote(ChannelRef channel, Optional<String> cardMessageId, String text) {
        post(channel, cardMessageId, text);
    }

    @Override
    public void postMessage(ChannelRef channel, String text) {
        post(channel, Optional.empty(), text);
    }

    /** The image as an attachment (its alt text as the attachment's description), with the caption as the message. */
    @Override
    public void postImage(ChannelRef channel, String caption, ChatImage image) {
        MessageCreateData message = MessageCreateBuilder.from(
                        DiscordMessage.inChannel(DiscordText.markdown(caption)).create())
                .setFiles(List.of(FileUpload.fromData(image.png(), image.fileName())
                        .setDescription(DiscordText.fit(image.altText(), ALT_TEXT_MAX))))
                .build();
        post(channel, Optional.empty(), "posting an image in " + channel, message);
    }

    /** A card's link, as Discord writes links to messages; no call needed. */
    @Override
    public Optional<String> permalink(ChannelRef channel, String messageId) {
        return Optional.of(
                "https://discord.com/channels/" + channel.workspaceId() + "/" + channel.channelId() + "/" + messageId);
    }

    private void post(ChannelRef channel, Optional<String> cardMessageId, String text) {
        String what = cardMessageId
                .map(id -> "posting a note in the thread of card " + id)
                .orElse("posting a message in " + channel);
        post(
                channel,
                cardMessageId,
                what,
                DiscordMessage.inChannel(DiscordText.markdown(text)).create());
    }

    /** A post that must not be repeated: the outbox retries it only when Discord certainly did not post it. */
    private void post(ChannelRef channel, Optional<String> cardMessageId, String what, MessageCreateData message) {
        MessageChannel where;
        try {
            GuildMessageChannel target = channel(channel);
            where = cardMessageId.isPresent() ? thread(target, cardMessageId.get()) : target;
        } catch (ErrorResponseException e) {
            throw new NotDelivered(failed(what, e).getMessage(), e);
        } catch (DiscordCallFailed e) {
            throw new NotDelivered(e.getMessage(), e);
        }
        try {
            call(what, () -> where.sendMessage(message).complete());
        } catch (ErrorResponseException e) {
            DiscordCallFailed answered = failed(what, e);
            throw e.isServerError() ? answered : new NotDelivered(answered.getMessage(), e);
        }
    }

    /** The thread on the card's message, started now if this is its first note. */
    private ThreadChannel thread(GuildMessageChannel channel, String cardMessageId) {
        ThreadChannel started = shards.get().getThreadChannelById(cardMessageId);
        if (started != null) {
            return started;
        }
        Message card = call(
                "reading card " + cardMessageId,
                () -> channel.retrieveMessageById(cardMessageId).complete());
        if (card.getStartedThread() != null) {
            return card.getStartedThread();
        }
        String name = DiscordText.fit(threadName(card), THREAD_NAME_MAX);
        return call(
                "starting the thread of card " + cardMessageId,
                () -> card.createThreadChannel(name).complete());
    }

    /** {@code MC-12 updates}, from the card's title. */
    private static String threadName(Message card) {
        String title = card.getEmbeds().isEmpty() || card.getEmbeds().get(0).getTitle() == null
                ? ""
                : card.getEmbeds().get(0).getTitle();
        String id = title.replaceFirst("^\\W+", "").split(" ", 2)[0];
        return id.isBlank() ? "masscast" : id + " updates";
    }

    private GuildMessageChannel channel(ChannelRef channel) {
        if (channel.platform() != Platform.DISCORD) {
            throw new IllegalArgumentException("not a Discord channel: " + channel);
        }
        ShardManager connection = shards.get();
        GuildMessageChannel target = connection.getChannelById(GuildMessageChannel.class, channel.channelId());
        if (target == null) {
            throw new DiscordCallFailed(
                    "finding " + channel,
                    "masscast does not see this channel (is the bot still in the server,"
                            + " and may it view the channel?)");
        }
        return target;
    }

    /** Runs a call; anything but Discord's answer (network, rate-limit give-up) becomes a {@link DiscordCallFailed}. */
    private static <T> T call(String what, Supplier<T> call) {
        try {
            return call.get();
        } catch (ErrorResponseException answered) {
            throw answered;
        } catch (RuntimeException e) {
            throw new DiscordCallFailed(what, e.getClass().getSimpleName());
        }
    }

    private static DiscordCallFailed failed(String what, ErrorResponseException e) {
        return new DiscordCallFailed(
                what, e.getErrorCode() + " " + e.getErrorResponse().getMeaning());
    }
}
