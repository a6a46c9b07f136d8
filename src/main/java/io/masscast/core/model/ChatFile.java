package io.masscast.core.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A file a person attached in chat (a Slack form's file input, a Discord attachment, a path in the terminal), as
 * the platform describes it: its name, MIME type and size in bytes, and where to read its bytes from. Reading it is
 * left until masscast uploads it, after its type and size were checked.
 */
public record ChatFile(String name, String contentType, long size, Source source) {

    /** Opens the file's bytes; each call starts again from the first byte. */
    @FunctionalInterface
    public interface Source {
        InputStream open() throws IOException;
    }

    public ChatFile {
        Objects.requireNonNull(name, "name");
        contentType = contentType == null ? "" : contentType;
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "ChatFile[" + name + ", " + contentType + ", " + size + " bytes]";
    }
}
