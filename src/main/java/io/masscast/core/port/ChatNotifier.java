package io.masscast.core.port;

import io.masscast.core.command.Card;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatImage;
import java.util.Optional;

/**
 * How the outbox reaches a chat platform. Implementations throw on failure (the outbox retries), and must
 * make a repeated {@link #showCard} with a known message id an update, never a second card.
 *
 * <p>A note or channel message is posted at most once: when its post fails, the outbox tries again only
 * after {@link NotDelivered}, which says the platform certainly did not show it; after any other failure
 * it counts as delivered, since it may already be in the channel.
 */
public interface ChatNotifier {

    /**
     * Posts {@code card} in {@code channel}, or updates the message {@code messageId} that already shows it.
     * Returns the id of the message that shows the card now.
     */
    String showCard(ChannelRef channel, Optional<String> messageId, Card card);

    /** Posts {@code text} under the card's message (in its thread where the platform has threads). */
    void postNote(ChannelRef channel, Optional<String> cardMessageId, String text);

    /** Posts {@code text} in the channel, tied to no campaign (connection alerts). */
    void postMessage(ChannelRef channel, String text);

    /** Posts {@code image} in the channel with {@code caption} (a digest and its chart), tied to no campaign. */
    void postImage(ChannelRef channel, String caption, ChatImage image);

    /**
     * A link that opens the message {@code messageId} (a card), where the platform has one. The outbox asks once,
     * when a card is first posted, and digests link to the card with it.
     */
    default Optional<String> permalink(ChannelRef channel, String messageId) {
        return Optional.empty();
    }
}
