package io.masscast.core.policy;

import io.masscast.core.model.MediaItem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What OFAuth accepts as a media item: a vault id (positive integer, also written as a numeric string),
 * an upload reference from OFAuth's upload flow, or an http(s) URL. Anything else is refused here,
 * before it can reach OFAuth.
 */
public final class MediaRules {
    /** OFAuth shows both forms in its docs: {@code upload:<uuid>} and {@code ofauth_upload_...}. */
    private static final Pattern UPLOAD_REF =
            Pattern.compile("(upload:[0-9A-Za-z-]{8,}|ofauth_upload_[0-9A-Za-z_-]{4,})");

    private static final Pattern VAULT_ID = Pattern.compile("[1-9][0-9]{0,18}");
    /** A link's length limit, as browsers and CDNs keep them. */
    public static final int MAX_LENGTH = 2_048;

    private MediaRules() {}

    /** The media item {@code raw} stands for, or empty if OFAuth would not accept it. */
    public static Optional<MediaItem> classify(String raw) {
        String value = raw == null ? "" : raw.strip();
        if (TextRules.problem(value, MAX_LENGTH, TextRules.Lines.SINGLE).isPresent()) {
            return Optional
                    .empty(); // a link may hold any script, but no control, invisible-only or direction character
        }
        if (VAULT_ID.matcher(value).matches()) {
            try {
                return Optional.of(MediaItem.vault(Long.parseLong(value)));
            } catch (NumberFormatException tooLarge) {
                return Optional.empty();
            }
        }
        if (UPLOAD_REF.matcher(value).matches()) {
            return Optional.of(new MediaItem(MediaItem.Kind.UPLOAD, value));
        }
        if (isHttpUrl(value)) {
            return Optional.of(new MediaItem(MediaItem.Kind.URL, value));
        }
        return Optional.empty();
    }

    /** Whether an already built item still has a value its kind allows. */
    public static boolean isValid(MediaItem item) {
        return classify(item.value())
                .filter(parsed -> parsed.kind() == item.kind())
                .isPresent();
    }

    public static String explain(String raw) {
        return Excerpt.of(raw) + " is not a media item: use a vault media id (a positive number), "
                + "an upload reference (upload:…), or an http(s) link";
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            return ("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
                    && uri.getHost() != null
                    && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
