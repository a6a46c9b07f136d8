package io.masscast.adapter.slack;

import io.masscast.core.command.Card;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatImage;
import io.masscast.core.model.Platform;
import io.masscast.core.port.ChatNotifier;
import io.masscast.core.port.NotDelivered;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox's way into Slack: a card is posted once ({@code chat.postMessage}, whose {@code ts} becomes the
 * card's message id) and then updated in place ({@code chat.update}); notes go into the card's thread and
 * channel messages into the channel; an image is uploaded with the files upload API
 * ({@code files.getUploadURLExternal}, the bytes to the URL it gives, {@code files.completeUploadExternal}) and
 * shared in the channel with its caption. Failures throw {@link SlackCallFailed} and the outbox retries; a note or
 * message that Slack certainly did not post throws {@link NotDelivered}, so the outbox knows a retry is safe.
 */
final class SlackNotifier implements ChatNotifier {
    private static final Logger LOG = LoggerFactory.getLogger(SlackNotifier.class);
    static final String NOT_A_MEMBER =
            "(The chart could not be shared: Slack shares files only in channels the bot is in."
                    + " Invite it with /invite @masscast.)";

    private final SlackApi api;
    private final CardRenderer cards;

    SlackNotifier(SlackApi api, CardRenderer cards) {
        this.api = api;
        this.cards = cards;
    }

    @Override
    public String showCard(ChannelRef channel, Optional<String> messageId, Card card) {
        String channelId = slackChannel(channel);
        SlackMessage message = cards.render(card, false);
        if (messageId.isPresent()) {
            try {
                api.update(channelId, messageId.get(), message);
                return messageId.get();
            } catch (SlackCallFailed e) {
                if (!e.error().equals("message_not_found")) {
                    throw e;
                }
                // Someone deleted the card: post it again rather than leave the channel without it.
                LOG.info("Card message {} in {} is gone; posting the card again", messageId.get(), channel);
            }
        }
        return api.postMessage(channelId, Optional.empty(), message);
    }

    @Override
    public void postNote(ChannelRef channel, Optional<String> cardMessageId, String text) {
        post(channel, cardMessageId, text);
    }

    @Override
    public void postMessage(ChannelRef channel, String text) {
        post(channel, Optional.empty(), text);
    }

    /**
     * Uploads and shares the image. Until the last step nothing is in the channel, so a failure there is
     * {@link NotDelivered}; a failed share may have reached it unless Slack said otherwise. In a channel the bot
     * is not a member of, Slack refuses to share files: the caption is posted alone, saying why.
     */
    @Override
    public void postImage(ChannelRef channel, String caption, ChatImage image) {
        String channelId = slackChannel(channel);
        SlackApi.UploadTarget target;
        try {
            target = api.uploadUrl(image.fileName(), image.size(), image.altText());
            api.upload(target.uploadUrl(), image.png());
        } catch (SlackCallFailed e) {
            throw new NotDelivered(e.getMessage(), e);
        }
        try {
            api.completeUpload(
                    target.fileId(),
                    image.altText().isBlank() ? image.fileName() : image.altText(),
                    channelId,
                    SlackText.mrkdwn(caption));
        } catch (SlackCallFailed e) {
            if (e.error().equals("not_in_channel")) {
                // files are shared only by members; a public channel still gets the caption as a message
                LOG.info(
                        "Image {} not shared in {}: the bot is not a member; posting its caption alone",
                        target.fileId(),
                        channel);
                post(channel, Optional.empty(), caption + "\n" + NOT_A_MEMBER);
                return;
            }
            throw e.mayHaveArrived() ? e : new NotDelivered(e.getMessage(), e);
        }
    }

    @Override
    public Optional<String> permalink(ChannelRef channel, String messageId) {
        return Optional.ofNullable(api.permalink(slackChannel(channel), messageId))
                .filter(link -> !link.isBlank());
    }

    /** A post that must not be repeated: the outbox retries it only when Slack certainly did not post it. */
    private void post(ChannelRef channel, Optional<String> threadTs, String text) {
        try {
            api.postMessage(slackChannel(channel), threadTs, SlackMessage.text(SlackText.mrkdwn(text), false));
        } catch (SlackCallFailed e) {
            throw e.mayHaveArrived() ? e : new NotDelivered(e.getMessage(), e);
        }
    }

    private static String slackChannel(ChannelRef channel) {
        if (channel.platform() != Platform.SLACK) {
            throw new IllegalArgumentException("not a Slack channel: " + channel);
        }
        return channel.channelId();
    }
}
