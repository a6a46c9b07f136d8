package io.masscast.core.model;

/** A fan as OFAuth lists them (list members, buyers). */
public record Fan(String id, String username, String name) {
    public Fan {
        ChannelRef.requireText(id, "id");
        username = username == null ? "" : username;
        name = name == null || name.isBlank() ? username : name;
    }
}
