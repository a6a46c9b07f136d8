package io.masscast.adapter.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.masscast.adapter.common.BackgroundWork;
import io.masscast.adapter.common.CommandAnswers;
import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.FieldValue;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.policy.Fields;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A submitted compose modal. The core's field errors go back onto the modal's inputs
 * ({@code response_action: errors}); on success the modal closes and the requester is told privately in the
 * channel. If the core takes longer than the ack allows, the modal closes and the outcome, errors included,
 * follows as a private message. Files attached in the form are described by Slack and uploaded to OFAuth in that
 * time too (usually longer than the ack allows, so the outcome then comes as a private message).
 */
final class ComposeSubmissionListener implements ViewSubmissionHandler {
    private final CommandRouter router;
    private final CommandAnswers<SlackMessage> answers;
    private final SlackApi api;
    private final ReplyRenderer replies;
    private final BackgroundWork work;
    private final Duration budget;
    private final SlackFiles files;

    ComposeSubmissionListener(
            CommandRouter router,
            CommandAnswers<SlackMessage> answers,
            SlackApi api,
            ReplyRenderer replies,
            BackgroundWork work,
            Duration budget) {
        this.files = new SlackFiles(api);
        this.router = router;
        this.answers = answers;
        this.api = api;
        this.replies = replies;
        this.work = work;
        this.budget = budget;
    }

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        View view = MalformedPayload.require(payload.getView(), "view");
        ComposeModal.Context form = ComposeModal.Context.decode(view.getPrivateMetadata());
        ViewSubmissionPayload.User user = MalformedPayload.require(payload.getUser(), "user");
        Actor actor = SlackUsers.actor(user.getId(), user.getUsername(), user.getName());
        Map<String, FieldValue> values = ComposeValues.read(view.getState());
        String what = "compose form"
                + form.campaignId().map(id -> " for campaign " + id).orElse("") + " from " + actor.userId() + " in "
                + form.channel();
        Consumer<SlackMessage> tellPrivately =
                message -> api.postEphemeral(form.channel().channelId(), actor.userId(), message);
        Optional<Reply> ready = answers.within(what, () -> submit(form, actor, values, view), budget, tellPrivately);
        if (ready.isPresent() && ready.get() instanceof Reply.Errors errors) {
            return ctx.ackWithErrors(ComposeValues.errorsByBlock(errors.errors(), view.getState()));
        }
        ready.ifPresent(reply -> work.run(what + ", confirmation", () -> tellPrivately.accept(replies.render(reply))));
        return ctx.ack();
    }

    /** The form's values with its attached files (which asks Slack about each), submitted. */
    private Reply submit(ComposeModal.Context form, Actor actor, Map<String, FieldValue> values, View view) {
        Map<String, FieldValue> all = new LinkedHashMap<>(values);
        try {
            files.attached(view.getState()).ifPresent(attached -> all.put(Fields.FILES, attached));
        } catch (SlackCallFailed failed) {
            String fix = failed.error().equals("missing_scope")
                    ? "Ask an admin to reinstall the app with the files:read" + " permission"
                    : "Attach them again";
            return Reply.privately("Slack did not let masscast read the attached files (" + failed.getMessage()
                    + "), so" + " nothing was created. " + fix + ", or give the media by vault id.");
        }
        return router.submitForm(form.channel(), actor, form.campaignId(), all);
    }
}
