package io.masscast.config;

import java.util.Locale;
import java.util.Optional;

/**
 * How masscast writes its log lines ({@code MASSCAST_LOG_FORMAT}): {@code text} for people at a terminal, or
 * {@code json}, one object per line for a log collector. {@code logback.xml} picks its appender by {@link #id()}.
 */
public enum LogFormat {
    TEXT,
    JSON;

    /** The format named by {@code MASSCAST_LOG_FORMAT} ({@code text} or {@code json}, any case). */
    static Optional<LogFormat> parse(String value) {
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "text" -> Optional.of(TEXT);
            case "json" -> Optional.of(JSON);
            default -> Optional.empty();
        };
    }

    /** The name {@code logback.xml} knows the format's appender by. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String describe() {
        return this == JSON ? "logs: json, one object per line on stderr" : "logs: text on stderr";
    }
}
