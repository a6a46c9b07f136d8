package io.masscast.adapter.discord;

import io.masscast.core.command.ActionId;
import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.FieldValue;
import io.masscast.core.command.FormSpec;
import io.masscast.core.model.Actor;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.policy.Fields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.Component;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.events.interaction.ModalInteractionEvent;
import net.dv8tion.jda.api.interactions.modals.ModalMapping;

/**
 * A submitted modal: the compose form (its outcome, or its errors with a Fix button, comes as an ephemeral reply)
 * or a rejection's reason.
 */
final class ModalListener {
    private final CommandRouter router;
    private final DiscordAnswers answers;
    private final PendingForms forms;

    ModalListener(CommandRouter router, DiscordAnswers answers, PendingForms forms) {
        this.router = router;
        this.answers = answers;
        this.forms = forms;
    }

    void handle(ModalInteractionEvent event) {
        String id = event.getModalId();
        ChannelRef channel = DiscordUsers.channel(event);
        Actor actor = DiscordUsers.actor(event);
        if (id.startsWith(DiscordComposeModal.PREFIX)) {
            String what = "compose form from " + actor.userId() + " in " + channel;
            Optional<FormSpec> spec = forms.get(id.substring(DiscordComposeModal.PREFIX.length()));
            if (spec.isEmpty()) {
                DiscordAnswers.reply(event, formGone(event.getValues()), what);
                return;
            }
            Map<String, FieldValue> values = DiscordComposeModal.read(event.getValues(), spec.get());
            answers.answerSubmission(
                    event,
                    what,
                    () -> router.submitForm(channel, actor, spec.get().campaignId(), values));
            return;
        }
        Optional<ActionId> rejected = DiscordRejectModal.action(id);
        if (rejected.isPresent()) {
            String what =
                    "REJECT on campaign " + rejected.get().campaignId() + " by " + actor.userId() + " in " + channel;
            ModalMapping reason = event.getValue(DiscordRejectModal.REASON);
            String text = reason == null ? "" : reason.getAsString().strip();
            answers.answerSubmission(
                    event, what, () -> router.click(channel, actor, rejected.get(), Optional.of(text)));
            return;
        }
        DiscordAnswers.reply(
                event, DiscordMessage.privately(ButtonListener.NOT_OURS), "a foreign modal from " + actor.userId());
    }

    /** The form is unknown (too old, or masscast restarted): nothing is stored, and what was typed comes back. */
    private static DiscordMessage formGone(List<ModalMapping> typed) {
        EmbedBuilder embed = new EmbedBuilder().setTitle("What you typed");
        for (ModalMapping field : typed) {
            String value = field.getType() == Component.Type.STRING_SELECT
                    ? String.join(", ", field.getAsStringList())
                    : field.getAsString();
            if (value.isBlank()) {
                continue;
            }
            if (field.getCustomId().equals(Fields.TEXT)) {
                embed.setDescription(DiscordText.fit(value, MessageEmbed.DESCRIPTION_MAX_LENGTH));
            } else {
                embed.addField(field.getCustomId(), DiscordText.fit(value, MessageEmbed.VALUE_MAX_LENGTH), true);
            }
        }
        return new DiscordMessage(ButtonListener.FORM_GONE, List.of(embed.build()), List.of(), true);
    }
}
