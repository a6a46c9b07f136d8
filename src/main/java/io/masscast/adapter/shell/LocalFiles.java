package io.masscast.adapter.shell;

import io.masscast.core.command.FieldValue;
import io.masscast.core.command.RawValue;
import io.masscast.core.model.ChatFile;
import io.masscast.core.policy.Excerpt;
import io.masscast.core.policy.Fields;
import io.masscast.core.policy.MediaLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The terminal's way to attach files: {@code files=PATH,PATH} names files on this computer (the terminal's user runs
 * masscast, so may read them; no chat platform can). Each is described by its name, size and type (from the system,
 * else its extension) and read only when it is uploaded.
 */
final class LocalFiles {
    /** A path that names no readable file; the line is not run. */
    static final class NoSuchFile extends RuntimeException {
        NoSuchFile(String message) {
            super(message);
        }
    }

    private LocalFiles() {}

    /** The arguments with {@code files} read as local files, if given as text. */
    static Map<String, FieldValue> typed(Map<String, FieldValue> named) {
        if (!(named.get(Fields.FILES) instanceof RawValue raw)) {
            return named;
        }
        Map<String, FieldValue> typed = new LinkedHashMap<>(named);
        List<String> paths = raw.items().stream()
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
        if (paths.isEmpty()) {
            typed.remove(Fields.FILES);
        } else {
            typed.put(Fields.FILES, read(paths));
        }
        return typed;
    }

    static FieldValue.Files read(List<String> paths) {
        List<ChatFile> files = new ArrayList<>();
        for (String typed : paths) {
            Path path = path(typed);
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new NoSuchFile(
                        "There is no file masscast can read at " + Excerpt.of(typed) + ": give the path of a"
                                + " photo, video or audio file on this computer (files=/path/to/set.jpg). Nothing was done.");
            }
            try {
                String name = path.getFileName().toString();
                String type = Files.probeContentType(path);
                files.add(new ChatFile(
                        name,
                        type == null ? MediaLimits.typeOfName(name).orElse("") : type,
                        Files.size(path),
                        () -> Files.newInputStream(path)));
            } catch (IOException e) {
                throw new NoSuchFile("masscast could not read " + Excerpt.of(typed) + " ("
                        + e.getClass().getSimpleName() + "). Nothing was done.");
            }
        }
        return new FieldValue.Files(files);
    }

    private static Path path(String typed) {
        String expanded = typed.startsWith("~/") ? System.getProperty("user.home") + typed.substring(1) : typed;
        try {
            return Path.of(expanded);
        } catch (InvalidPathException e) {
            throw new NoSuchFile(Excerpt.of(typed) + " is not a path. Nothing was done.");
        }
    }
}
