package io.masscast.core.model;

import java.util.Objects;
import java.util.Optional;

/** An OFAuth user list: a system list ("fans") or a creator's custom list, with its size when known. */
public record FanList(String id, String name, String type, Optional<Long> usersCount) {
    public FanList {
        ChannelRef.requireText(id, "id");
        name = name == null || name.isBlank() ? id : name;
        type = type == null ? "" : type;
        Objects.requireNonNull(usersCount, "usersCount");
    }
}
