package io.masscast.core.command;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A button on a card. {@code confirm}, when present, is a dialog the platform shows before acting. {@code target} is
 * the campaign the button acts on when it is not the card's own (a card showing an A/B test has buttons for single
 * campaigns of it), as people type it ({@code MC-8}).
 */
public record CardAction(String label, ActionId id, Style style, Optional<Confirm> confirm, Optional<String> target) {

    public enum Style {
        PRIMARY,
        DANGER,
        DEFAULT
    }

    /**
     * A confirmation step restating what will happen; {@code destructive} when confirming stops or undoes something
     * (platforms show its button as a warning).
     */
    public record Confirm(String title, String text, String confirmLabel, String denyLabel, boolean destructive) {}

    public CardAction {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(confirm, "confirm");
        Objects.requireNonNull(target, "target");
    }

    /** A button for the card's own campaign. */
    public CardAction(String label, ActionId id, Style style, Optional<Confirm> confirm) {
        this(label, id, style, confirm, Optional.empty());
    }

    /**
     * What a person types to do the same where there are no buttons (a terminal), the card showing {@code cardHumanId}:
     * {@code /masscast approve MC-7}, {@code /masscast reject MC-7 REASON}, {@code /masscast approve MC-7 confirm=yes}.
     */
    public String command(String cardHumanId) {
        String campaign = target.orElse(cardHumanId);
        return switch (id.verb()) {
            case APPROVE_REPEAT -> "/masscast approve " + campaign + " confirm=yes";
            case REJECT -> "/masscast reject " + campaign + " REASON";
            default -> "/masscast " + id.verb().name().toLowerCase(Locale.ROOT).replace('_', '-') + " " + campaign;
        };
    }
}
