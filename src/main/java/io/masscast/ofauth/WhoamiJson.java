package io.masscast.ofauth;

import io.masscast.core.model.AccountInfo;
import java.util.List;

/** {@code /account/whoami}: the organisation behind the API key. */
public record WhoamiJson(String id, String name, List<String> permissions) {

    AccountInfo toAccount() {
        return new AccountInfo(id, name, permissions == null ? List.of() : permissions);
    }
}
