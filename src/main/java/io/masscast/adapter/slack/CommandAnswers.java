package io.masscast.adapter.slack;

import io.masscast.core.command.Reply;
import io.masscast.core.model.ChannelRef;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs commands on a worker and delivers their replies within Slack's deadlines: a reply that is ready within
 * the ack budget is shown at once (a form opens on the trigger), a later one goes where the caller says
 * ({@code response_url}, an ephemeral message). A command that fails unexpectedly is logged by the worker and
 * the user is told so.
 */
final class CommandAnswers {
    static final String FAILED = "masscast hit an unexpected error and logged it. Look at the channel before you try again.";
    static final String LATE_FORM = "The form took too long to prepare (Slack waits only 3 seconds). Please try again.";

    private final SlackApi api;
    private final ReplyRenderer replies;
    private final FormOpener forms;
    private final BackgroundWork work;
    private final Duration commandBudget;

    CommandAnswers(SlackApi api, ReplyRenderer replies, FormOpener forms, BackgroundWork work, Duration commandBudget) {
        this.api = api;
        this.replies = replies;
        this.forms = forms;
        this.work = work;
        this.commandBudget = commandBudget;
    }

    /**
     * A typed command or a button that may open a form. Returns the message to show now, or empty when there is
     * none: the form opened, or the reply is late and will go to {@code responseUrl}.
     */
    Optional<SlackMessage> answer(String what, Supplier<Reply> command, ChannelRef channel, String triggerId,
                                  String responseUrl) {
        Optional<Reply> ready = within(what, command, commandBudget,
                late -> api.respond(MalformedPayload.require(responseUrl, "response_url"), late));
        if (ready.isPresent() && ready.get() instanceof Reply.Form form) {
            return forms.open(triggerId, form.spec(), channel);
        }
        return ready.map(replies::render);
    }

    /**
     * The reply if the command finishes within {@code budget}; otherwise empty, and the reply goes to
     * {@code lateDelivery} when it is there.
     */
    Optional<Reply> within(String what, Supplier<Reply> command, Duration budget, Consumer<SlackMessage> lateDelivery) {
        CompletableFuture<Reply> reply = work.submit(what, command);
        try {
            Optional<Reply> ready = BackgroundWork.await(reply, budget);
            if (ready.isEmpty()) {
                deliverWhenDone(what, reply, lateDelivery);
            }
            return ready;
        } catch (RuntimeException failed) {
            return Optional.of(Reply.privately(FAILED)); // the worker logged it
        }
    }

    /** Runs the command after the ack; its reply goes to {@code delivery}. */
    void later(String what, Supplier<Reply> command, Consumer<SlackMessage> delivery) {
        deliverWhenDone(what, work.submit(what, command), delivery);
    }

    private void deliverWhenDone(String what, CompletableFuture<Reply> reply, Consumer<SlackMessage> delivery) {
        reply.whenComplete((done, failure) -> work.run(what + ", answer", () -> delivery.accept(
                failure != null ? SlackMessage.privately(FAILED)
                        : done instanceof Reply.Form ? SlackMessage.privately(LATE_FORM) : replies.render(done))));
    }
}
