package io.masscast.adapter.discord;

import io.masscast.core.command.ActionId;
import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.FieldValue;
import io.masscast.core.model.Actor;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.policy.Fields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * A button: on a campaign card (its custom id is the {@link ActionId}), on a confirmation (confirm or keep), or a
 * Fix or send-anyway button under a refused form (send-anyway submits the form again with {@code confirm} yes, and
 * the outcome replaces the refusal). Reject asks for the reason in a modal and Edit opens the compose modal; buttons
 * that want confirmation (Approve, Cancel, Unsend, Send again) first answer with the confirmation, restating what
 * will happen as the card stands now, and only its confirm button decides. The card itself is updated by the
 * outbox with the bot token, never through the interaction.
 */
final class ButtonListener {
    static final String NOT_OURS = "This button is not from masscast, so nothing changed.";
    static final String KEPT = "Nothing changed.";
    static final String FORM_GONE =
            "That form is no longer open at masscast (it was opened over an hour ago, or masscast "
                    + "restarted). Nothing was stored; run /masscast new again.";

    private final CommandRouter router;
    private final DiscordAnswers answers;
    private final PendingForms forms;
    private final DiscordRejectModal rejectModal;

    ButtonListener(CommandRouter router, DiscordAnswers answers, PendingForms forms, DiscordRejectModal rejectModal) {
        this.router = router;
        this.answers = answers;
        this.forms = forms;
        this.rejectModal = rejectModal;
    }

    void handle(ButtonInteractionEvent event) {
        String id = event.getComponentId();
        ChannelRef channel = DiscordUsers.channel(event);
        Actor actor = DiscordUsers.actor(event);
        if (id.startsWith(DiscordReplies.FIX)) {
            String what = "fixing a compose form by " + actor.userId() + " in " + channel;
            forms.get(id.substring(DiscordReplies.FIX.length()))
                    .ifPresentOrElse(
                            spec -> answers.openForm(event, what, channel, spec),
                            () -> DiscordAnswers.reply(event, DiscordMessage.privately(FORM_GONE), what));
            return;
        }
        if (id.startsWith(DiscordReplies.SEND_ANYWAY)) {
            String what = "confirming a repeated text by " + actor.userId() + " in " + channel;
            forms.get(id.substring(DiscordReplies.SEND_ANYWAY.length()))
                    .ifPresentOrElse(
                            spec -> answers.answerInPlace(
                                    event,
                                    what,
                                    () -> router.submitForm(
                                            channel,
                                            actor,
                                            spec.campaignId(),
                                            spec.with(Map.of(Fields.CONFIRM, new FieldValue.Flag(true)))
                                                    .values())),
                            () -> DiscordAnswers.reply(event, DiscordMessage.privately(FORM_GONE), what));
            return;
        }
        if (id.startsWith(DiscordReplies.DENY)) {
            event.editMessage(MessageEditData.fromContent(KEPT))
                    .setComponents(List.of())
                    .queue(null, DiscordAnswers.failed("keeping a campaign by " + actor.userId(), "edit"));
            return;
        }
        boolean confirmed = id.startsWith(DiscordReplies.CONFIRM);
        Optional<ActionId> decoded = ActionId.decode(confirmed ? id.substring(DiscordReplies.CONFIRM.length()) : id);
        if (decoded.isEmpty()) {
            DiscordAnswers.reply(
                    event, DiscordMessage.privately(NOT_OURS), "a foreign button click by " + actor.userId());
            return;
        }
        ActionId action = decoded.get();
        String what =
                action.verb() + " on campaign " + action.campaignId() + " by " + actor.userId() + " in " + channel;
        if (confirmed) {
            answers.answerInPlace(event, what, () -> router.click(channel, actor, action, Optional.empty()));
            return;
        }
        switch (action.verb()) {
            case REJECT ->
                event.replyModal(rejectModal.render(action)).queue(null, DiscordAnswers.failed(what, "reason form"));
            case EDIT ->
                answers.answer(event, what, channel, () -> router.click(channel, actor, action, Optional.empty()));
            default -> answers.answer(event, what, channel, () -> router.press(channel, actor, action));
        }
    }
}
