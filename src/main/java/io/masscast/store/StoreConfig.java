package io.masscast.store;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the database lives: a JDBC URL ({@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://...}) and
 * optional credentials. {@link #toString()} never shows the password, not even one inside the URL.
 */
public record StoreConfig(String url, Optional<String> user, Optional<String> password) {

    /** A SQLite file in the working directory: one process, no setup. */
    public static final String DEFAULT_URL = "jdbc:sqlite:masscast.db";

    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    public StoreConfig {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Dialect.of(url); // fails fast on an unsupported URL
    }

    public static StoreConfig of(String url) {
        return new StoreConfig(url, Optional.empty(), Optional.empty());
    }

    /** The URL with any {@code password=} parameter masked, fit for logs and error messages. */
    public String redactedUrl() {
        return PASSWORD_IN_URL.matcher(url).replaceAll("$1***");
    }

    @Override
    public String toString() {
        return "StoreConfig[url=" + redactedUrl()
                + ", user=" + user.orElse("<none>")
                + ", password=" + (password.isPresent() ? "***" : "<none>") + "]";
    }
}
