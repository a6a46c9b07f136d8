package io.masscast.adapter.slack;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.handler.builtin.SlashCommandHandler;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import io.masscast.core.command.CommandRouter;
import io.masscast.core.model.Actor;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Platform;

/**
 * {@code /masscast ...}: the line goes to the command router; the answer is an ephemeral reply (help, errors,
 * refusals), a message for the channel, or the compose modal. Slow answers follow through {@code response_url}.
 */
final class SlashCommandListener implements SlashCommandHandler {
    static final String COMMAND = "/masscast";

    private final CommandRouter router;
    private final SlackAnswers answers;
    private final SlackGroups groups;

    SlashCommandListener(CommandRouter router, SlackAnswers answers, SlackGroups groups) {
        this.router = router;
        this.answers = answers;
        this.groups = groups;
    }

    @Override
    public Response apply(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload payload = request.getPayload();
        ChannelRef channel = new ChannelRef(
                Platform.SLACK,
                MalformedPayload.require(payload.getTeamId(), "team_id"),
                MalformedPayload.require(payload.getChannelId(), "channel_id"));
        Actor actor = SlackUsers.actor(payload.getUserId(), payload.getUserName(), null);
        String line = SlackText.commandLine(payload.getText());
        String name = line.split("\\s+", 2)[0];
        // only a known command's name goes into the log, never what else was typed
        String what = COMMAND + " " + (router.syntaxError(name).isEmpty() ? name : "(unknown)") + " by "
                + actor.userId() + " in " + channel;
        return answers.answer(
                        what,
                        () -> router.handle(channel, groups.resolve(actor, channel), line),
                        channel,
                        payload.getTriggerId(),
                        payload.getResponseUrl())
                .map(message -> ctx.ack(SlashCommandResponse.builder()
                        .responseType(message.isPrivate() ? "ephemeral" : "in_channel")
                        .text(message.text())
                        .blocks(message.blocks().isEmpty() ? null : message.blocks())
                        .build()))
                .orElseGet(ctx::ack);
    }
}
