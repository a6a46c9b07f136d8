package io.masscast.core.command;

import java.util.Objects;
import java.util.Optional;

/** A button on a card. {@code confirm}, when present, is a dialog the platform shows before acting. */
public record CardAction(String label, ActionId id, Style style, Optional<Confirm> confirm) {

    public enum Style { PRIMARY, DANGER, DEFAULT }

    /**
     * A confirmation step restating what will happen; {@code destructive} when confirming stops or undoes something
     * (platforms show its button as a warning).
     */
    public record Confirm(String title, String text, String confirmLabel, String denyLabel, boolean destructive) {
    }

    public CardAction {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(confirm, "confirm");
    }
}
