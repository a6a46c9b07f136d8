package io.masscast.ofauth;

import io.masscast.core.model.FanList;
import java.util.Optional;

/** An OFAuth user list; {@code id} is a number for custom lists and may be a string for system lists. */
public record UserListJson(String id, String type, String name, Long usersCount) {

    FanList toFanList() {
        return new FanList(id, name, type, Optional.ofNullable(usersCount));
    }
}
