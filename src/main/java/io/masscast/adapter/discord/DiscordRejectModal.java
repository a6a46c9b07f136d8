package io.masscast.adapter.discord;

import io.masscast.core.command.ActionId;
import java.util.Optional;
import net.dv8tion.jda.api.components.label.Label;
import net.dv8tion.jda.api.components.textinput.TextInput;
import net.dv8tion.jda.api.components.textinput.TextInputStyle;
import net.dv8tion.jda.api.modals.Modal;

/** The modal a Reject button opens: one required field for the reason the requester will read on the card. */
final class DiscordRejectModal {
    static final String PREFIX = "reject:";
    static final String REASON = "reason";
    static final int REASON_MAX = 1000;

    Modal render(ActionId action) {
        TextInput reason = TextInput.create(REASON, TextInputStyle.PARAGRAPH)
                .setRequired(true)
                .setMinLength(1)
                .setMaxLength(REASON_MAX)
                .setPlaceholder("What should the requester change?")
                .build();
        return Modal.create(PREFIX + action.encode(), "Reject")
                .addComponents(Label.of("Why is it rejected?", "The requester reads this on the card.", reason))
                .build();
    }

    /** The rejected campaign's button, if {@code modalId} is one of these modals. */
    static Optional<ActionId> action(String modalId) {
        return modalId != null && modalId.startsWith(PREFIX)
                ? ActionId.decode(modalId.substring(PREFIX.length())).filter(id -> id.verb() == ActionId.Verb.REJECT)
                : Optional.empty();
    }
}
