package io.masscast.core.model;

import java.util.Locale;
import java.util.Objects;

/** A chat channel: platform, workspace (Slack team, Discord guild, shell session) and channel id. */
public record ChannelRef(Platform platform, String workspaceId, String channelId) {
    public ChannelRef {
        Objects.requireNonNull(platform, "platform");
        requireText(workspaceId, "workspaceId");
        requireText(channelId, "channelId");
    }

    static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    @Override
    public String toString() {
        return platform.name().toLowerCase(Locale.ROOT) + ":" + workspaceId + "/" + channelId;
    }
}
