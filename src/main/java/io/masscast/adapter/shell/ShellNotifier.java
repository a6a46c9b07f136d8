package io.masscast.adapter.shell;

import io.masscast.core.command.Card;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.port.ChatNotifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shell's channel: cards and notes are printed the moment the outbox delivers them. A card keeps its
 * message id, so an update prints as the same card again, marked as updated; a note is printed indented,
 * under the id of the campaign whose thread it belongs to.
 */
public final class ShellNotifier implements ChatNotifier {
    private static final String NOTE_INDENT = "    ";

    private final ShellConsole console;
    private final AtomicLong nextMessage = new AtomicLong(1);
    /** Which campaign each card message shows, so a note can say whose thread it is in. */
    private final Map<String, String> campaignOfCard = new ConcurrentHashMap<>();

    ShellNotifier(ShellConsole console) {
        this.console = console;
    }

    @Override
    public String showCard(ChannelRef channel, Optional<String> messageId, Card card) {
        String id = messageId.orElseGet(() -> "card-" + nextMessage.getAndIncrement());
        campaignOfCard.put(id, ShellText.humanId(card));
        console.print("\n[#" + channel.channelId() + "] " + (messageId.isPresent() ? "card updated" : "new card") + "\n"
                + ShellText.card(card));
        return id;
    }

    @Override
    public void postNote(ChannelRef channel, Optional<String> cardMessageId, String text) {
        String thread = cardMessageId.map(id -> campaignOfCard.getOrDefault(id, id)).map(id -> id + " thread").orElse("thread");
        console.print(NOTE_INDENT + "↳ [#" + channel.channelId() + " · " + thread + "] "
                + text.replace("\n", "\n" + NOTE_INDENT + "  "));
    }

    @Override
    public void postMessage(ChannelRef channel, String text) {
        console.print("\n[#" + channel.channelId() + "] " + text);
    }
}
