package io.masscast.config;

import java.util.Locale;
import java.util.Optional;

/** Whether masscast talks to the real OFAuth API or to its built-in simulator. */
public enum OfAuthMode {
    LIVE,
    SIMULATOR;

    /** The mode named by {@code MASSCAST_OFAUTH} ({@code live} or {@code simulator}, any case). */
    static Optional<OfAuthMode> parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "live" -> Optional.of(LIVE);
            case "simulator" -> Optional.of(SIMULATOR);
            default -> Optional.empty();
        };
    }
}
