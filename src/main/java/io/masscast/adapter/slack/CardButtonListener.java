package io.masscast.adapter.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.handler.builtin.BlockActionHandler;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import io.masscast.adapter.common.BackgroundWork;
import io.masscast.core.command.ActionId;
import io.masscast.core.command.CommandRouter;
import io.masscast.core.model.Actor;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A button on a campaign card. Its value must decode as an {@link ActionId} matching its {@code action_id},
 * else it is not masscast's and changes nothing. Reject opens the reason modal, Edit the compose modal; the
 * other buttons are acked at once and decided on a worker, and the clicker gets the core's answer privately.
 * The card itself is updated by the outbox, not here.
 */
final class CardButtonListener implements BlockActionHandler {
    /** Every block action reaches this listener, so that a forged one is answered too. */
    static final Pattern ANY_ACTION = Pattern.compile(".*");

    static final String NOT_OURS = "This button is not from masscast, so nothing changed.";

    private final CommandRouter router;
    private final SlackAnswers answers;
    private final SlackApi api;
    private final RejectModal rejectModal;
    private final BackgroundWork work;
    private final SlackGroups groups;

    CardButtonListener(
            CommandRouter router,
            SlackAnswers answers,
            SlackApi api,
            RejectModal rejectModal,
            BackgroundWork work,
            SlackGroups groups) {
        this.groups = groups;
        this.router = router;
        this.answers = answers;
        this.api = api;
        this.rejectModal = rejectModal;
        this.work = work;
    }

    @Override
    public Response apply(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        if (payload.getView() != null) {
            return ctx.ack(); // an input inside one of our modals; its value arrives with the submission
        }
        BlockActionPayload.Action action =
                MalformedPayload.require(payload.getActions(), "actions").get(0);
        String responseUrl = MalformedPayload.require(payload.getResponseUrl(), "response_url");
        BlockActionPayload.User user = MalformedPayload.require(payload.getUser(), "user");
        Actor actor = SlackUsers.actor(user.getId(), user.getUsername(), user.getName());
        Optional<ActionId> decoded =
                ActionId.decode(action.getValue()).filter(id -> id.encode().equals(action.getActionId()));
        if (decoded.isEmpty()) {
            work.run(
                    "answering a foreign button click by " + actor.userId(),
                    () -> api.respond(responseUrl, SlackMessage.privately(NOT_OURS)));
            return ctx.ack();
        }
        ActionId id = decoded.get();
        ChannelRef channel = new ChannelRef(
                Platform.SLACK,
                MalformedPayload.require(payload.getTeam(), "team").getId(),
                MalformedPayload.require(payload.getChannel(), "channel").getId());
        String what = id.verb() + " on campaign " + id.campaignId() + " by " + actor.userId() + " in " + channel;
        switch (id.verb()) {
            case REJECT ->
                openRejectModal(payload.getTriggerId(), new RejectModal.Context(channel, id), responseUrl, what);
            case EDIT ->
                answers.answer(
                                what,
                                () -> router.click(channel, actor, id, Optional.empty()),
                                channel,
                                payload.getTriggerId(),
                                responseUrl)
                        .ifPresent(message -> work.run(what + ", answer", () -> api.respond(responseUrl, message)));
            default ->
                answers.answers()
                        .later(
                                what,
                                () -> router.click(channel, groups.resolve(actor, channel), id, Optional.empty()),
                                message -> api.respond(responseUrl, message));
        }
        return ctx.ack();
    }

    private void openRejectModal(String triggerId, RejectModal.Context context, String responseUrl, String what) {
        try {
            api.openView(MalformedPayload.require(triggerId, "trigger_id"), rejectModal.render(context));
        } catch (SlackCallFailed e) {
            work.run(
                    what + ", reason form failed",
                    () -> api.respond(
                            responseUrl,
                            SlackMessage.privately(
                                    "Slack did not open the reason form (" + e.error() + "). Please try again.")));
        }
    }
}
