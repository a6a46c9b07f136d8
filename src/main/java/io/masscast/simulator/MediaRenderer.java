package io.masscast.simulator;

import java.util.List;
import java.util.Map;

/** Vault media objects as OFAuth returns them in vault pages and inside messages. */
final class MediaRenderer {
    private static final String MEDIA_HOST = "https://media.sim.invalid/";

    private MediaRenderer() {}

    static Map<String, Object> media(VaultMedia media) {
        String base = MEDIA_HOST + media.id();
        Map<String, Object> json = Json.object(
                "id",
                media.id(),
                "type",
                media.type().wireName(),
                "convertedToVideo",
                false,
                "canView",
                true,
                "hasError",
                false,
                "createdAt",
                OfDates.onlyFans(media.createdAt()),
                "isReady",
                true,
                "releaseForms",
                List.of(),
                "hasCustomPreview",
                false,
                "files",
                Json.object(
                        "full",
                                Json.object(
                                        "url",
                                        base + "/full.jpg",
                                        "width",
                                        1080,
                                        "height",
                                        1350,
                                        "size",
                                        0,
                                        "sources",
                                        List.of()),
                        "thumb", Json.object("url", base + "/thumb.jpg", "width", 300, "height", 300),
                        "preview",
                                Json.object(
                                        "url",
                                        base + "/preview.jpg",
                                        "width",
                                        540,
                                        "height",
                                        675,
                                        "options",
                                        List.of()),
                        "squarePreview", Json.object("url", base + "/square.jpg", "width", 540, "height", 540)));
        if (media.durationSeconds() != null) {
            json.put("duration", media.durationSeconds());
        }
        return json;
    }
}
