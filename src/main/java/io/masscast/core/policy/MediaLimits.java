package io.masscast.core.policy;

import io.masscast.core.model.ChatFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which files attached in chat masscast uploads to OFAuth, checked before a byte is read: photos, GIFs, videos and
 * audio OnlyFans plays (by MIME type, or by the name's extension when the platform gives no type), not empty, at most
 * {@link #MAX_FILE_MB} MB each (a file is held in memory a part at a time, and a one-part upload is the whole file),
 * and at most {@link #MAX_FILES} at once. Larger media go into the vault in OnlyFans and are named by vault id.
 */
public final class MediaLimits {
    public static final int MAX_FILES = 10;
    public static final long MAX_FILE_MB = 200;
    public static final long MAX_FILE_BYTES = MAX_FILE_MB * 1_000_000;
    private static final int MAX_NAME_LENGTH = 255;
    /** MIME type to what people call it. */
    private static final Map<String, String> TYPES = Map.of(
            "image/jpeg",
            "JPEG image",
            "image/png",
            "PNG image",
            "image/gif",
            "GIF",
            "video/mp4",
            "MP4 video",
            "video/quicktime",
            "MOV video",
            "audio/mpeg",
            "MP3 audio",
            "audio/mp4",
            "M4A audio",
            "audio/wav",
            "WAV audio");

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("png", "image/png"),
            Map.entry("gif", "image/gif"),
            Map.entry("mp4", "video/mp4"),
            Map.entry("m4v", "video/mp4"),
            Map.entry("mov", "video/quicktime"),
            Map.entry("mp3", "audio/mpeg"),
            Map.entry("m4a", "audio/mp4"),
            Map.entry("wav", "audio/wav"));
    private static final String WHAT_IS_TAKEN =
            "masscast attaches JPEG, PNG and GIF images, MP4 and MOV videos, and MP3," + " M4A and WAV audio";

    private MediaLimits() {}

    /** The MIME type a file name's extension stands for, among those taken. */
    public static Optional<String> typeOfName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0
                ? Optional.empty()
                : Optional.ofNullable(EXTENSIONS.get(fileName.substring(dot + 1).toLowerCase(Locale.ROOT)));
    }

    /** The type as a person reads it: {@code JPEG image}; the MIME type itself for one not taken. */
    public static String label(String contentType) {
        return TYPES.getOrDefault(base(contentType), contentType.isBlank() ? "unknown type" : contentType);
    }

    /** {@code 2.4 MB}, {@code 830 KB}, {@code 120 bytes}. */
    public static String size(long bytes) {
        if (bytes < 1_000) {
            return bytes + (bytes == 1 ? " byte" : " bytes");
        }
        if (bytes < 1_000_000) {
            return Math.round(bytes / 1_000.0) + " KB";
        }
        return String.format(Locale.US, "%.1f MB", bytes / 1_000_000.0);
    }

    /** The file with its type made plain ({@code image/jpeg; charset=...} → {@code image/jpeg}; none: by its name). */
    public static ChatFile normalized(ChatFile file) {
        String type = base(file.contentType());
        if (type.isEmpty() || type.equals("application/octet-stream")) {
            type = typeOfName(file.name()).orElse(type);
        }
        return new ChatFile(file.name(), type, file.size(), file.source());
    }

    /** What is wrong with the files (each said on {@link Fields#FILES}), nothing if they can be uploaded. */
    public static List<FieldError> problems(List<ChatFile> files) {
        List<FieldError> errors = new ArrayList<>();
        if (files.size() > MAX_FILES) {
            errors.add(new FieldError(
                    Fields.FILES,
                    files.size() + " files are more than masscast attaches at once (" + MAX_FILES
                            + "): attach fewer, or put the others in the vault and name them under media."));
            return errors;
        }
        for (ChatFile file : files) {
            String name = Excerpt.of(file.name());
            Optional<String> badName = TextRules.problem(file.name(), MAX_NAME_LENGTH, TextRules.Lines.SINGLE);
            if (badName.isPresent()) {
                errors.add(new FieldError(
                        Fields.FILES, "A file's name " + badName.get() + ": rename the file and attach it again."));
            } else if (!TYPES.containsKey(file.contentType())) {
                errors.add(new FieldError(
                        Fields.FILES,
                        name + " is "
                                + (file.contentType().isBlank()
                                        ? "of no type masscast knows"
                                        : "of type " + label(file.contentType()))
                                + ": " + WHAT_IS_TAKEN + "."));
            } else if (file.size() < 1) {
                errors.add(new FieldError(Fields.FILES, name + " is empty: attach the file again."));
            } else if (file.size() > MAX_FILE_BYTES) {
                errors.add(new FieldError(
                        Fields.FILES,
                        name + " is " + size(file.size()) + ": a file attached here is at most " + MAX_FILE_MB
                                + " MB. Put larger media in the vault in OnlyFans and give its vault id under media."));
            }
        }
        return errors;
    }

    private static String base(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon))
                .strip()
                .toLowerCase(Locale.ROOT);
    }
}
