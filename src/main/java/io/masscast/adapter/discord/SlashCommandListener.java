package io.masscast.adapter.discord;

import io.masscast.core.command.CommandCatalog;
import io.masscast.core.command.CommandParam;
import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.CommandSpec;
import io.masscast.core.command.FieldValue;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.policy.Fields;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.events.interaction.command.SlashCommandInteractionEvent;

/**
 * {@code /masscast <subcommand>}: the options go to the command layer typed, and its answer is an ephemeral reply
 * or a modal. {@code new} without {@code text:} opens the compose form and carries the options given with it
 * (media, preview count, fan ids, ...) into the submission; with {@code text:} it composes from the options alone,
 * as a command line does.
 */
final class SlashCommandListener {
    private final CommandRouter router;
    private final DiscordAnswers answers;

    SlashCommandListener(CommandRouter router, DiscordAnswers answers) {
        this.router = router;
        this.answers = answers;
    }

    void handle(SlashCommandInteractionEvent event) {
        ChannelRef channel = DiscordUsers.channel(event);
        Actor actor = DiscordUsers.actor(event);
        Optional<CommandSpec> spec = DiscordCommands.spec(event.getSubcommandName());
        String what = "/masscast " + spec.map(CommandSpec::name).orElse("(unknown)") + " by " + actor.userId() + " in "
                + channel;
        if (spec.isEmpty()) {
            DiscordAnswers.reply(
                    event,
                    DiscordMessage.privately("This command is not known to this masscast (its commands are "
                            + "registered again at each start). Try /masscast help."),
                    what);
            return;
        }
        if (spec.get().name().equals("help")) {
            DiscordAnswers.reply(event, DiscordMessage.privately(help()), what);
            return;
        }
        DiscordCommands.Arguments arguments = DiscordCommands.arguments(spec.get(), event.getOptions());
        String name = spec.get().name();
        if (name.equals("new") && !arguments.named().containsKey(Fields.TEXT)) {
            answers.answer(
                    event,
                    what,
                    channel,
                    () -> carried(router.run(channel, actor, name, List.of(), Map.of()), arguments.named()));
            return;
        }
        answers.answer(
                event,
                what,
                channel,
                () -> router.run(channel, actor, name, arguments.positional(), arguments.named()));
    }

    /** The compose form with the options given to {@code new} in it. */
    private static Reply carried(Reply reply, Map<String, FieldValue> options) {
        if (!(reply instanceof Reply.Form form) || options.isEmpty()) {
            return reply;
        }
        return new Reply.Form(form.spec().with(options));
    }

    /** Help in Discord's syntax: each subcommand with its options, from the core's catalog. */
    static String help() {
        StringBuilder out = new StringBuilder("**masscast commands**");
        for (CommandSpec spec : CommandCatalog.ALL) {
            out.append("\n`/masscast ").append(spec.name());
            List<CommandParam> required =
                    spec.params().stream().filter(CommandParam::required).toList();
            required.forEach(param -> out.append(' ').append(param.name()).append(':'));
            out.append("` — ").append(spec.summary());
            List<CommandParam> optional =
                    spec.params().stream().filter(param -> !param.required()).toList();
            if (!optional.isEmpty()) {
                out.append(" (options: ")
                        .append(optional.stream().map(CommandParam::name).collect(Collectors.joining(", ")))
                        .append(')');
            }
        }
        return out.append("\n`/masscast new` without `text:` opens the form; the options you give come along with it.")
                .toString();
    }
}
