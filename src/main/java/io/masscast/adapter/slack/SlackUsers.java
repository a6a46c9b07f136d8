package io.masscast.adapter.slack;

import io.masscast.core.model.Actor;

/** Who clicked or typed, as the core knows people: the Slack user id, and their handle to show. */
final class SlackUsers {
    private SlackUsers() {}

    /** {@code username} is the handle; older payloads carry only {@code name}. Approvers are user ids. */
    static Actor actor(String id, String username, String name) {
        return Actor.of(MalformedPayload.require(id, "user id"), username != null ? username : name);
    }
}
