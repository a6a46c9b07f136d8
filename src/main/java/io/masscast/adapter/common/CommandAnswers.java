package io.masscast.adapter.common;

import io.masscast.core.command.Reply;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs commands on a worker and delivers their replies within the platform's deadline: a reply that is ready
 * within the ack budget is shown at once, a later one goes where the caller says (Slack's {@code response_url},
 * Discord's interaction hook, a private message). A command that fails unexpectedly is logged by the worker and
 * the user is told so. {@code M} is the platform's message type.
 */
public final class CommandAnswers<M> {
    public static final String FAILED =
            "masscast hit an unexpected error and logged it. Look at the channel before you try again.";
    public static final String LATE_FORM =
            "The form took too long to prepare (chat platforms wait only 3 seconds for it). " + "Please try again.";

    private final BackgroundWork work;
    private final PlatformReplies<M> replies;

    public CommandAnswers(BackgroundWork work, PlatformReplies<M> replies) {
        this.work = work;
        this.replies = replies;
    }

    /**
     * The reply if the command finishes within {@code budget}; otherwise empty, and the reply goes to
     * {@code lateDelivery} when it is there (a form that comes too late is answered with {@link #LATE_FORM}).
     */
    public Optional<Reply> within(String what, Supplier<Reply> command, Duration budget, Consumer<M> lateDelivery) {
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
    public void later(String what, Supplier<Reply> command, Consumer<M> delivery) {
        deliverWhenDone(what, work.submit(what, command), delivery);
    }

    @SuppressWarnings("FutureReturnValueIgnored") // the task handles its own failures
    private void deliverWhenDone(String what, CompletableFuture<Reply> reply, Consumer<M> delivery) {
        reply.whenComplete((done, failure) -> work.run(
                what + ", answer",
                () -> delivery.accept(
                        failure != null
                                ? replies.privately(FAILED)
                                : done instanceof Reply.Form ? replies.privately(LATE_FORM) : replies.render(done))));
    }
}
