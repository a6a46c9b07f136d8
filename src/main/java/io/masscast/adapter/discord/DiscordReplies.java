package io.masscast.adapter.discord;

import io.masscast.adapter.common.PlatformReplies;
import io.masscast.core.command.CardAction;
import io.masscast.core.command.ComposeForm;
import io.masscast.core.command.Reply;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import java.util.ArrayList;
import java.util.List;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.Button;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;

/**
 * A command's {@link Reply} as a Discord message. Private replies are ephemeral. A refused form lists each field's
 * problem with a Fix button that reopens the form as it was typed, and, when the refusal asks the requester to
 * confirm a text that repeats one going out within minutes, a button that sends the form again confirmed (the modal
 * has no room for that field); a button that wants confirmation is answered with the confirmation and a button that
 * does it. A form itself is not a message: the listeners open it as a modal.
 */
final class DiscordReplies implements PlatformReplies<DiscordMessage> {
    static final String FIX = "fix:";
    static final String SEND_ANYWAY = "twin:";
    static final String CONFIRM = "ok:";
    static final String DENY = "no:";

    private final DiscordCards cards;
    private final PendingForms forms;

    DiscordReplies(DiscordCards cards, PendingForms forms) {
        this.cards = cards;
        this.forms = forms;
    }

    @Override
    public DiscordMessage render(Reply reply) {
        if (reply instanceof Reply.Text text) {
            String markdown = DiscordText.markdown(text.text());
            return text.isPrivate() ? DiscordMessage.privately(markdown) : DiscordMessage.inChannel(markdown);
        }
        if (reply instanceof Reply.CardReply card) {
            return cards.render(card.card(), card.isPrivate());
        }
        if (reply instanceof Reply.Errors errors) {
            String key = forms.put(errors.spec());
            List<Button> buttons = new ArrayList<>(List.of(Button.primary(FIX + key, "Fix")));
            boolean asksToConfirm =
                    errors.errors().stream().anyMatch(e -> e.field().equals(Fields.CONFIRM));
            if (asksToConfirm) {
                buttons.add(Button.secondary(
                        SEND_ANYWAY + key,
                        DiscordText.fit(ComposeForm.CONFIRM.label(), DiscordCards.BUTTON_LABEL_MAX)));
            }
            return new DiscordMessage(
                    DiscordText.fit(errorList(errors.errors(), asksToConfirm), DiscordMessage.CONTENT_MAX),
                    List.of(),
                    List.of(ActionRow.of(buttons)),
                    true);
        }
        if (reply instanceof Reply.Confirm confirm) {
            return confirmation(confirm.action());
        }
        throw new IllegalArgumentException("a form opens as a modal, not as a message");
    }

    @Override
    public DiscordMessage privately(String text) {
        return DiscordMessage.privately(DiscordText.markdown(text));
    }

    private static String errorList(List<FieldError> errors, boolean asksToConfirm) {
        StringBuilder out = new StringBuilder("That can't go out as it is:");
        for (FieldError error : errors) {
            out.append("\n• **")
                    .append(DiscordText.markdown(error.field()))
                    .append("**: ")
                    .append(DiscordText.markdown(error.message()));
        }
        out.append("\nPress Fix to correct the form; nothing you typed is lost.");
        if (asksToConfirm) {
            out.append(" To send it as it is on purpose, press **")
                    .append(ComposeForm.CONFIRM.label())
                    .append("**.");
        }
        return out.toString();
    }

    private static DiscordMessage confirmation(CardAction action) {
        CardAction.Confirm confirm = action.confirm().orElseThrow();
        String encoded = action.id().encode();
        ButtonStyle style = confirm.destructive() ? ButtonStyle.DANGER : ButtonStyle.SUCCESS;
        List<Button> buttons = List.of(
                Button.of(
                        style,
                        CONFIRM + encoded,
                        DiscordText.fit(confirm.confirmLabel(), DiscordCards.BUTTON_LABEL_MAX)),
                Button.secondary(DENY + encoded, DiscordText.fit(confirm.denyLabel(), DiscordCards.BUTTON_LABEL_MAX)));
        String text = "**" + DiscordText.markdown(confirm.title()) + "**\n" + DiscordText.markdown(confirm.text());
        return new DiscordMessage(
                DiscordText.fit(text, DiscordMessage.CONTENT_MAX), List.of(), List.of(ActionRow.of(buttons)), true);
    }
}
