package io.masscast.ofauth;

import io.masscast.core.model.Fan;

/** A fan as OFAuth lists them (list members, buyers, a connection's {@code userData}). */
public record UserJson(String id, String username, String name) {

    Fan toFan() {
        return new Fan(id, username, name);
    }
}
