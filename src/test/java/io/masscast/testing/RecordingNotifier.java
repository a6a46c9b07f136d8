package io.masscast.testing;

import io.masscast.core.command.Card;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatImage;
import io.masscast.core.port.ChatNotifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chat channel for tests: keeps every card as last shown (by message id), every note, every channel message and
 * every image with its caption. Cards posted here have a permalink, as on Slack or Discord.
 */
public final class RecordingNotifier implements ChatNotifier {
    /** An image posted in the channel, with its caption. */
    public record ImagePost(String caption, ChatImage image) {}

    private final List<ImagePost> images = new ArrayList<>();
    private final Map<String, Card> cards = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> messages = new ArrayList<>();
    private int posts;
    private int edits;

    @Override
    public synchronized String showCard(ChannelRef channel, Optional<String> messageId, Card card) {
        String id = messageId.orElseGet(() -> "msg-" + (++posts));
        if (messageId.isPresent()) {
            edits++;
        }
        cards.put(id, card);
        return id;
    }

    @Override
    public synchronized void postNote(ChannelRef channel, Optional<String> cardMessageId, String text) {
        notes.add(text);
    }

    @Override
    public synchronized void postMessage(ChannelRef channel, String text) {
        messages.add(text);
    }

    @Override
    public synchronized void postImage(ChannelRef channel, String caption, ChatImage image) {
        images.add(new ImagePost(caption, image));
    }

    @Override
    public Optional<String> permalink(ChannelRef channel, String messageId) {
        return Optional.of("https://chat.example/" + channel.channelId() + "/" + messageId);
    }

    /** Images posted in the channel, oldest first. */
    public synchronized List<ImagePost> images() {
        return List.copyOf(images);
    }

    /** How many cards were posted (not updated). */
    public synchronized int posted() {
        return posts;
    }

    /** How many times a card already shown was shown again (edited in place). */
    public synchronized int edits() {
        return edits;
    }

    public synchronized Optional<Card> cardOf(String humanId) {
        return cards.values().stream()
                .filter(c -> c.context().startsWith(humanId + " "))
                .findFirst();
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    /** Messages posted in the channel itself (not in a card's thread), oldest first. */
    public synchronized List<String> messages() {
        return List.copyOf(messages);
    }
}
