package io.masscast.adapter.discord;

import io.masscast.adapter.common.AckBudgets;
import io.masscast.adapter.common.BackgroundWork;
import io.masscast.adapter.common.CommandAnswers;
import io.masscast.adapter.common.FormChoices;
import io.masscast.core.command.FormOptions;
import io.masscast.core.command.FormSpec;
import io.masscast.core.command.Reply;
import io.masscast.core.model.ChannelRef;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.interactions.callbacks.IMessageEditCallback;
import net.dv8tion.jda.api.interactions.callbacks.IModalCallback;
import net.dv8tion.jda.api.interactions.callbacks.IReplyCallback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers an interaction within Discord's 3 seconds. The core runs on a worker; a reply ready within the budget is
 * the interaction's answer (an ephemeral message, a modal, an edit of the message clicked); a later one follows a
 * deferral through the interaction's hook, which stays valid for 15 minutes. A form can only open as the first
 * answer, so one that comes late is answered with a request to try again.
 */
final class DiscordAnswers {
    private static final Logger LOG = LoggerFactory.getLogger(DiscordAnswers.class);

    private final CommandAnswers<DiscordMessage> answers;
    private final DiscordReplies replies;
    private final FormOptions options;
    private final BackgroundWork work;
    private final PendingForms forms;
    private final DiscordComposeModal modal;
    private final AckBudgets budgets;

    DiscordAnswers(
            CommandAnswers<DiscordMessage> answers,
            DiscordReplies replies,
            FormOptions options,
            BackgroundWork work,
            PendingForms forms,
            DiscordComposeModal modal,
            AckBudgets budgets) {
        this.answers = answers;
        this.replies = replies;
        this.options = options;
        this.work = work;
        this.forms = forms;
        this.modal = modal;
        this.budgets = budgets;
    }

    /** A command or button whose answer is a message or a form. */
    @SuppressWarnings("FutureReturnValueIgnored") // a late answer waits for the deferral; its failures are logged
    <E extends IReplyCallback & IModalCallback> void answer(
            E event, String what, ChannelRef channel, Supplier<Reply> command) {
        CompletableFuture<InteractionHook> deferred = new CompletableFuture<>();
        Optional<Reply> ready = answers.within(
                what, command, budgets.command(), late -> deferred.thenAccept(hook -> send(hook, late, what)));
        if (ready.isEmpty()) {
            event.deferReply(true).queue(deferred::complete, failed(what, "defer"));
        } else if (ready.get() instanceof Reply.Form form) {
            openForm(event, what, channel, form.spec());
        } else {
            reply(event, replies.render(ready.get()), what);
        }
    }

    /** A submitted modal: its outcome, errors included, as a private message. */
    @SuppressWarnings("FutureReturnValueIgnored") // a late answer waits for the deferral; its failures are logged
    void answerSubmission(IReplyCallback event, String what, Supplier<Reply> command) {
        CompletableFuture<InteractionHook> deferred = new CompletableFuture<>();
        Optional<Reply> ready = answers.within(
                what, command, budgets.submission(), late -> deferred.thenAccept(hook -> send(hook, late, what)));
        if (ready.isPresent()) {
            reply(event, replies.render(ready.get()), what);
        } else {
            event.deferReply(true).queue(deferred::complete, failed(what, "defer"));
        }
    }

    /** A button on one of masscast's private messages (a confirmation): its outcome replaces that message. */
    @SuppressWarnings("FutureReturnValueIgnored") // a late answer waits for the deferral; its failures are logged
    <E extends IReplyCallback & IMessageEditCallback> void answerInPlace(
            E event, String what, Supplier<Reply> command) {
        CompletableFuture<InteractionHook> deferred = new CompletableFuture<>();
        Optional<Reply> ready = answers.within(
                what,
                command,
                budgets.command(),
                late -> deferred.thenAccept(
                        hook -> hook.editOriginal(late.edit()).queue(null, failed(what, "late edit"))));
        if (ready.isPresent()) {
            event.editMessage(replies.render(ready.get()).edit()).queue(null, failed(what, "edit"));
        } else {
            event.deferEdit().queue(deferred::complete, failed(what, "defer"));
        }
    }

    /** Opens the compose modal for {@code spec}, with the creator's lists if they arrive in time. */
    void openForm(IModalCallback event, String what, ChannelRef channel, FormSpec spec) {
        FormChoices choices = FormChoices.load(options, channel, work, budgets.formChoices());
        event.replyModal(modal.render(forms.put(spec), spec, choices)).queue(null, failed(what, "form"));
    }

    static void reply(IReplyCallback event, DiscordMessage message, String what) {
        event.reply(message.create()).setEphemeral(message.isPrivate()).queue(null, failed(what, "reply"));
    }

    private static void send(InteractionHook hook, DiscordMessage message, String what) {
        hook.sendMessage(message.create()).setEphemeral(true).queue(null, failed(what, "late reply"));
    }

    /** Discord refused an answer (too late, or the token answered it elsewhere): logged with what it was. */
    static Consumer<Throwable> failed(String what, String step) {
        return failure -> LOG.warn(
                "Discord: {} ({}) was not answered: {}",
                what,
                step,
                failure.getClass().getSimpleName()
                        + (failure.getMessage() == null ? "" : ": " + DiscordText.fit(failure.getMessage(), 200)));
    }
}
