package io.masscast.adapter.slack;

import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.handler.builtin.ViewSubmissionHandler;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import io.masscast.adapter.common.CommandAnswers;
import io.masscast.core.command.ActionId;
import io.masscast.core.command.CommandRouter;
import io.masscast.core.model.Actor;
import java.util.Map;
import java.util.Optional;

/** The reason for a rejection came back: the modal closes, the core decides, the approver is told privately. */
final class RejectSubmissionListener implements ViewSubmissionHandler {
    private final CommandRouter router;
    private final CommandAnswers<SlackMessage> answers;
    private final SlackApi api;
    private final SlackGroups groups;

    RejectSubmissionListener(
            CommandRouter router, CommandAnswers<SlackMessage> answers, SlackApi api, SlackGroups groups) {
        this.groups = groups;
        this.router = router;
        this.answers = answers;
        this.api = api;
    }

    @Override
    public Response apply(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        ViewSubmissionPayload payload = request.getPayload();
        View view = MalformedPayload.require(payload.getView(), "view");
        RejectModal.Context context = RejectModal.Context.decode(view.getPrivateMetadata());
        if (context.action().verb() != ActionId.Verb.REJECT) {
            throw new MalformedPayload("reject form for a " + context.action().verb() + " button");
        }
        String reason = RejectModal.reason(view.getState());
        if (reason.isEmpty()) {
            return ctx.ackWithErrors(Map.of(RejectModal.REASON, "Say why, so the requester can put it right."));
        }
        ViewSubmissionPayload.User user = MalformedPayload.require(payload.getUser(), "user");
        Actor actor = SlackUsers.actor(user.getId(), user.getUsername(), user.getName());
        String what = "REJECT on campaign " + context.action().campaignId() + " by " + actor.userId() + " in "
                + context.channel();
        answers.later(
                what,
                () -> router.click(
                        context.channel(),
                        groups.resolve(actor, context.channel()),
                        context.action(),
                        Optional.of(reason)),
                message -> api.postEphemeral(context.channel().channelId(), actor.userId(), message));
        return ctx.ack();
    }
}
