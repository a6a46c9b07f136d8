package io.masscast.config;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the store needs to open its connection pool. The URL may itself carry credentials, so
 * {@link #toString()} and {@link #describe()} show {@link #safeUrl()} instead.
 */
public record DatabaseSettings(String url, Optional<String> user, Optional<Secret> password) {

    public static final String DEFAULT_URL = "jdbc:sqlite:masscast.db";

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        DatabaseKind kind = DatabaseKind.of(url)
                .orElseThrow(() ->
                        new IllegalArgumentException("a database URL starts with jdbc:sqlite: or jdbc:postgresql:"));
        if (kind == DatabaseKind.SQLITE && (user.isPresent() || password.isPresent())) {
            throw new IllegalArgumentException("SQLite takes no user or password");
        }
    }

    public DatabaseKind kind() {
        return DatabaseKind.of(url).orElseThrow();
    }

    /** The URL with any password in it replaced by {@code ****}, for logs. */
    public String safeUrl() {
        return Urls.redact(url);
    }

    public String describe() {
        String where = safeUrl().substring(kind().urlPrefix().length());
        return "database: " + kind().name().toLowerCase(Locale.ROOT) + " " + where
                + user.map(name -> " as " + name).orElse("");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + safeUrl() + ", user=" + user + ", password=" + password + "]";
    }
}
