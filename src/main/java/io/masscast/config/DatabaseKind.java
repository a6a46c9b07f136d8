package io.masscast.config;

import java.util.Arrays;
import java.util.Optional;

/** The two databases masscast runs on, told apart by their JDBC URL prefix. */
public enum DatabaseKind {
    SQLITE("jdbc:sqlite:"),
    POSTGRESQL("jdbc:postgresql:");

    private final String urlPrefix;

    DatabaseKind(String urlPrefix) {
        this.urlPrefix = urlPrefix;
    }

    public String urlPrefix() {
        return urlPrefix;
    }

    public static Optional<DatabaseKind> of(String jdbcUrl) {
        return Arrays.stream(values())
                .filter(kind -> jdbcUrl.startsWith(kind.urlPrefix))
                .findFirst();
    }
}
