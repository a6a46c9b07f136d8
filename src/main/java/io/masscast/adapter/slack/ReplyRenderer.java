package io.masscast.adapter.slack;

import io.masscast.adapter.common.PlatformReplies;
import io.masscast.core.command.Reply;
import io.masscast.core.policy.FieldError;

/**
 * A command's {@link Reply} as a Slack message. Private replies (help, refusals, errors) are ephemeral; a form
 * is not a message: the listeners open it as a modal instead. A confirmation comes with the button that does it.
 */
final class ReplyRenderer implements PlatformReplies<SlackMessage> {
    private final CardRenderer cards;

    ReplyRenderer(CardRenderer cards) {
        this.cards = cards;
    }

    @Override
    public SlackMessage render(Reply reply) {
        if (reply instanceof Reply.Text text) {
            return SlackMessage.text(SlackText.mrkdwn(text.text()), text.isPrivate());
        }
        if (reply instanceof Reply.CardReply card) {
            return cards.render(card.card(), card.isPrivate());
        }
        if (reply instanceof Reply.Errors errors) {
            return SlackMessage.privately(errorList(errors));
        }
        if (reply instanceof Reply.Confirm confirm) {
            return cards.confirmation(confirm.action());
        }
        throw new IllegalArgumentException("a form opens as a modal, not as a message");
    }

    @Override
    public SlackMessage privately(String text) {
        return SlackMessage.privately(SlackText.mrkdwn(text));
    }

    private static String errorList(Reply.Errors errors) {
        StringBuilder out = new StringBuilder("That can't go out as it is:");
        for (FieldError error : errors.errors()) {
            out.append("\n• *")
                    .append(SlackText.mrkdwn(error.field()))
                    .append("*: ")
                    .append(SlackText.mrkdwn(error.message()));
        }
        return out.toString();
    }
}
