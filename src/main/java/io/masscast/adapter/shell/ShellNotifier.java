package io.masscast.adapter.shell;

import io.masscast.core.command.Card;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.port.ChatNotifier;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shell's channel: cards and notes are printed the moment the outbox delivers them. A card keeps its
 * message id, so an update prints as the same card again, marked as updated.
 */
public final class ShellNotifier implements ChatNotifier {
    private final ShellConsole console;
    private final AtomicLong nextMessage = new AtomicLong(1);

    ShellNotifier(ShellConsole console) {
        this.console = console;
    }

    @Override
    public String showCard(ChannelRef channel, Optional<String> messageId, Card card) {
        String id = messageId.orElseGet(() -> "card-" + nextMessage.getAndIncrement());
        console.print("\n[#" + channel.channelId() + "] " + (messageId.isPresent() ? "card updated" : "new card") + "\n"
                + ShellText.card(card));
        return id;
    }

    @Override
    public void postNote(ChannelRef channel, Optional<String> cardMessageId, String text) {
        console.print("[#" + channel.channelId() + "] " + cardMessageId.map(id -> "(thread of " + id + ") ").orElse("") + text);
    }
}
