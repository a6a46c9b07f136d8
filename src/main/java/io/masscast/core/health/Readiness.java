package io.masscast.core.health;

import java.util.Objects;

/**
 * Whether one part of masscast can do its work now ({@code database}, {@code slack}, {@code discord}, {@code ofauth}),
 * with a short detail for the person reading {@code /readyz}: never a secret, never message text.
 */
public record Readiness(String component, boolean ready, String detail) {
    public Readiness {
        Objects.requireNonNull(component, "component");
        detail = detail == null ? "" : detail;
    }

    public static Readiness ready(String component, String detail) {
        return new Readiness(component, true, detail);
    }

    public static Readiness notReady(String component, String detail) {
        return new Readiness(component, false, detail);
    }
}
