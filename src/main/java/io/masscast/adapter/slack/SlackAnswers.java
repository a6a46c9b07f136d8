package io.masscast.adapter.slack;

import io.masscast.adapter.common.CommandAnswers;
import io.masscast.core.command.Reply;
import io.masscast.core.model.ChannelRef;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A typed command or a button that may open a form: the reply that is ready within the ack budget is shown at
 * once (a form opens on the trigger), a later one goes through {@code response_url}.
 */
final class SlackAnswers {
    private final CommandAnswers<SlackMessage> answers;
    private final SlackApi api;
    private final ReplyRenderer replies;
    private final FormOpener forms;
    private final Duration commandBudget;

    SlackAnswers(
            CommandAnswers<SlackMessage> answers,
            SlackApi api,
            ReplyRenderer replies,
            FormOpener forms,
            Duration commandBudget) {
        this.answers = answers;
        this.api = api;
        this.replies = replies;
        this.forms = forms;
        this.commandBudget = commandBudget;
    }

    /** The message to show now, or empty when there is none: the form opened, or the reply is late. */
    Optional<SlackMessage> answer(
            String what, Supplier<Reply> command, ChannelRef channel, String triggerId, String responseUrl) {
        Optional<Reply> ready = answers.within(
                what,
                command,
                commandBudget,
                late -> api.respond(MalformedPayload.require(responseUrl, "response_url"), late));
        if (ready.isPresent() && ready.get() instanceof Reply.Form form) {
            return forms.open(triggerId, form.spec(), channel);
        }
        return ready.map(replies::render);
    }

    CommandAnswers<SlackMessage> answers() {
        return answers;
    }
}
