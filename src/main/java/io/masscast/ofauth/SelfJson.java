package io.masscast.ofauth;

import static io.masscast.ofauth.OfAuthJson.isTrue;

import io.masscast.core.model.CreatorProfile;
import java.util.Objects;

/** {@code /access/self}: the creator behind a connection; one schema variant carries only {@code isAuth}. */
public record SelfJson(String id, String username, String name, Boolean isAuth) {

    CreatorProfile toProfile() {
        return new CreatorProfile(
                Objects.toString(id, ""), Objects.toString(username, ""), Objects.toString(name, ""), isTrue(isAuth));
    }
}
