package io.masscast.core.command;

import io.masscast.core.model.BindingPolicy;
import io.masscast.core.policy.Fields;
import java.util.ArrayList;
import java.util.List;

/**
 * Every {@code /masscast} subcommand, what it does and what it takes: the one list the command router runs, help
 * shows and a platform with typed options (Discord) registers, without anything else having to exist.
 */
public final class CommandCatalog {
    private static final CommandParam CAMPAIGN =
            CommandParam.positional("campaign", CommandParam.Kind.CAMPAIGN, "The campaign, like MC-12.");
    private static final List<CommandParam> FORM =
            ComposeForm.FIELDS.stream().map(CommandParam::of).toList();
    /** An edit changes one message: it takes no A/B test keys. */
    private static final List<CommandParam> EDIT_FORM = ComposeForm.FIELDS.stream()
            .filter(field -> field.group() != FormField.Group.AB_TEST)
            .map(CommandParam::of)
            .toList();

    private static final CommandParam CONFIRM_REPEAT = CommandParam.named(
            Fields.CONFIRM, CommandParam.Kind.FLAG, "Yes: approve although it repeats a recent campaign.");
    private static final CommandParam APPROVERS = CommandParam.named(
            "approvers", CommandParam.Kind.PEOPLE, "Who may approve: people or groups (mentions or ids).");

    public static final List<CommandSpec> ALL = List.of(
            new CommandSpec(
                    "new",
                    "new [text=\"...\" lists=... exclude=... users=... subscribed_after=YYYY-MM-DD media=... "
                            + "preview=N price=12.50 locked=yes markdown=no at=\"2026-03-21 20:00\"] [split=lists|random "
                            + "text_b=... lists_b=... media_b=... price_b=... (and _c)] [confirm=yes]",
                    "compose a mass message or an A/B test (no arguments opens the form)",
                    FORM),
            new CommandSpec("list", "list", "recent campaigns in this channel", List.of()),
            new CommandSpec("show", "show MC-ID", "a campaign's card", List.of(CAMPAIGN)),
            new CommandSpec(
                    "approve",
                    "approve MC-ID [confirm=yes]",
                    "approve the version on the card (a test: all variants)",
                    List.of(CAMPAIGN, CONFIRM_REPEAT)),
            new CommandSpec(
                    "reject",
                    "reject MC-ID REASON",
                    "reject, saying why",
                    List.of(
                            CAMPAIGN,
                            CommandParam.positional(
                                    "reason", CommandParam.Kind.REASON, "Why: the requester reads it on the card."))),
            new CommandSpec(
                    "edit",
                    "edit MC-ID [key=value ...]",
                    "change a pending or scheduled campaign (requester)",
                    withCampaign(EDIT_FORM)),
            new CommandSpec("cancel", "cancel MC-ID", "stop a campaign before it goes out", List.of(CAMPAIGN)),
            new CommandSpec(
                    "unsend", "unsend MC-ID", "pull a sent message back (buyers keep access)", List.of(CAMPAIGN)),
            new CommandSpec("mark-sent", "mark-sent MC-ID", "an in-doubt send did reach fans", List.of(CAMPAIGN)),
            new CommandSpec(
                    "send-again", "send-again MC-ID", "an in-doubt send did not go out: send it", List.of(CAMPAIGN)),
            new CommandSpec("lists", "lists", "the creator's fan lists with sizes", List.of()),
            new CommandSpec("vault", "vault", "recent vault media ids", List.of()),
            new CommandSpec(
                    "bind",
                    "bind connection=conn_... [creator=\"Name\"] zone=Area/City approvers=ID,ID",
                    "bind this channel to a creator (admins)",
                    List.of(
                            CommandParam.required(
                                    "connection",
                                    CommandParam.Kind.TEXT,
                                    "The creator's OFAuth connection id, like conn_abc123."),
                            CommandParam.required(
                                    "zone", CommandParam.Kind.ZONE, "The creator's time zone, like Europe/Berlin."),
                            APPROVERS,
                            CommandParam.named(
                                    "creator",
                                    CommandParam.Kind.TEXT,
                                    "The creator's name on cards (default: OFAuth's)."))),
            new CommandSpec(
                    "policy",
                    "policy [approvals=1-3 self_approval=yes|no daily_cap=N|off min_gap=2h|off "
                            + "quiet=23:00-08:00|off digest=09:00|off repeat_window=7d|off remind_after=30m|off approvers=ID,ID]",
                    "show or change this channel's rules (changes: admins)",
                    List.of(
                            CommandParam.number(
                                    "approvals",
                                    CommandParam.Kind.WHOLE,
                                    "How many approvers must agree.",
                                    1,
                                    BindingPolicy.MAX_REQUIRED_APPROVALS),
                            CommandParam.named(
                                    "self_approval",
                                    CommandParam.Kind.FLAG,
                                    "May requesters approve their own campaigns?"),
                            CommandParam.named("daily_cap", CommandParam.Kind.TEXT, "Sends a day at most, or off."),
                            CommandParam.named(
                                    "min_gap",
                                    CommandParam.Kind.TEXT,
                                    "Time between two sends, like 90m or 2h, or off."),
                            CommandParam.named(
                                    "quiet",
                                    CommandParam.Kind.TEXT,
                                    "No sends then, like 23:00-08:00 (creator's zone), or off."),
                            CommandParam.named(
                                    "digest",
                                    CommandParam.Kind.TEXT,
                                    "When the daily digest is posted, like 09:00 (creator's zone), or off."),
                            CommandParam.named(
                                    "repeat_window",
                                    CommandParam.Kind.TEXT,
                                    "Warn of a repeat to the same fans within this, like 7d, or off."),
                            CommandParam.named(
                                    "remind_after",
                                    CommandParam.Kind.TEXT,
                                    "Remind approvers after this long waiting, like 30m, or off."),
                            APPROVERS)),
            new CommandSpec(
                    "digest",
                    DigestCommands.USAGE,
                    "post the results digest with its chart in this channel now",
                    List.of(CommandParam.optionalPositional(
                            "period",
                            CommandParam.Kind.TEXT,
                            "24h or 1d to 14d; empty: the last 24 hours and 7 days."))),
            new CommandSpec(
                    "best-time", "best-time", "post the hours of the week that sold best, with a heat map", List.of()),
            new CommandSpec("help", "help", "this list", List.of()));

    private CommandCatalog() {}

    private static List<CommandParam> withCampaign(List<CommandParam> rest) {
        List<CommandParam> all = new ArrayList<>(List.of(CAMPAIGN));
        all.addAll(rest);
        return List.copyOf(all);
    }
}
