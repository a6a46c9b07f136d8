package io.masscast.core.model;

import java.util.List;

/** The OFAuth organisation an API key belongs to. */
public record AccountInfo(String id, String name, List<String> permissions) {
    public AccountInfo {
        permissions = List.copyOf(permissions);
    }
}
