package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.core.model.ChatFile;
import io.masscast.simulator.RecordedRequest;
import java.io.ByteArrayInputStream;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Files as a chat platform hands them to masscast, and the media a request to OFAuth carried. */
final class AttachedFiles {
    private static final Pattern MEDIA_ITEMS = Pattern.compile("\"mediaItems\":\\[([^\\]]*)]");

    private AttachedFiles() {}

    /** A file of {@code size} random bytes (the same for the same size). */
    static ChatFile file(String name, String type, int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return new ChatFile(name, type, size, () -> new ByteArrayInputStream(bytes));
    }

    /** The request's {@code mediaItems} as sent, without the brackets. */
    static String mediaItems(RecordedRequest request) {
        Matcher m = MEDIA_ITEMS.matcher(request.body());
        assertThat(m.find())
                .as("mediaItems in " + request.method() + " " + request.path())
                .isTrue();
        return m.group(1);
    }
}
