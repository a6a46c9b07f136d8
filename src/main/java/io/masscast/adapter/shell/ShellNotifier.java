package io.masscast.adapter.shell;

import io.masscast.core.command.Card;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.ChatImage;
import io.masscast.core.port.ChatNotifier;
import io.masscast.core.port.NotDelivered;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shell's channel: cards and notes are printed the moment the outbox delivers them. A card keeps its
 * message id, so an update prints as the same card again, marked as updated; a note is printed indented,
 * under the id of the campaign whose thread it belongs to. An image (a digest's chart) is written to a file in
 * {@link #IMAGE_DIRECTORY}, and its caption is printed with the file's path.
 */
public final class ShellNotifier implements ChatNotifier {
    /** Where images go: {@code masscast/digests} in the system's temporary directory (kept after exit). */
    public static final Path IMAGE_DIRECTORY = Path.of(System.getProperty("java.io.tmpdir"), "masscast", "digests");

    private static final String NOTE_INDENT = "    ";

    private final ShellConsole console;
    private final Path imageDirectory;
    private final AtomicLong nextMessage = new AtomicLong(1);
    /** Which campaign each card message shows, so a note can say whose thread it is in. */
    private final Map<String, String> campaignOfCard = new ConcurrentHashMap<>();

    ShellNotifier(ShellConsole console, Path imageDirectory) {
        this.console = console;
        this.imageDirectory = imageDirectory;
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
        String thread = cardMessageId
                .map(id -> campaignOfCard.getOrDefault(id, id))
                .map(id -> id + " thread")
                .orElse("thread");
        console.print(NOTE_INDENT + "↳ [#" + channel.channelId() + " · " + thread + "] "
                + text.replace("\n", "\n" + NOTE_INDENT + "  "));
    }

    @Override
    public void postMessage(ChannelRef channel, String text) {
        console.print("\n[#" + channel.channelId() + "] " + text);
    }

    @Override
    public void postImage(ChannelRef channel, String caption, ChatImage image) {
        Path file = save(image);
        console.print("\n[#" + channel.channelId() + "] " + caption + "\n  chart (PNG): " + file.toAbsolutePath());
    }

    /** Writes the image under its own name, or with {@code -2}, {@code -3}, ... when that file exists already. */
    private Path save(ChatImage image) {
        String base = image.fileName().substring(0, image.fileName().length() - ".png".length());
        try {
            Files.createDirectories(imageDirectory);
            for (int n = 1; ; n++) {
                Path file = imageDirectory.resolve(n == 1 ? image.fileName() : base + "-" + n + ".png");
                try {
                    return Files.write(file, image.png(), StandardOpenOption.CREATE_NEW);
                } catch (FileAlreadyExistsException taken) {
                    // try the next name
                }
            }
        } catch (IOException e) {
            // nothing was shown, so the outbox may try again
            throw new NotDelivered(
                    "could not write the image to " + imageDirectory + ": "
                            + e.getClass().getSimpleName(),
                    e);
        }
    }
}
