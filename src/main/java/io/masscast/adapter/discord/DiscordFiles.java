package io.masscast.adapter.discord;

import io.masscast.core.model.ChatFile;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.utils.AttachmentProxy;

/**
 * A file given to the attachment option of {@code /masscast new} or {@code edit}: Discord describes it (name, type,
 * size) in the interaction, and masscast downloads it from Discord's CDN (a signed link; no token goes with it) only
 * when it uploads it to OFAuth, after its type and size were checked.
 */
final class DiscordFiles {
    /** A download that has not started answering by then is given up (the requester is told, nothing is created). */
    private static final Duration DOWNLOAD_LIMIT = Duration.ofMinutes(2);

    private DiscordFiles() {}

    static ChatFile of(Message.Attachment attachment) {
        AttachmentProxy proxy = attachment.getProxy();
        return new ChatFile(
                attachment.getFileName(), attachment.getContentType(), attachment.getSize(), () -> open(proxy));
    }

    private static InputStream open(AttachmentProxy proxy) throws IOException {
        try {
            return proxy.download().get(DOWNLOAD_LIMIT.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException failed) {
            throw new IOException(
                    "Discord did not serve it (" + failed.getCause().getClass().getSimpleName() + ")");
        } catch (TimeoutException slow) {
            throw new IOException("Discord did not serve it within " + DOWNLOAD_LIMIT.toMinutes() + " minutes");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("the download was interrupted");
        }
    }
}
