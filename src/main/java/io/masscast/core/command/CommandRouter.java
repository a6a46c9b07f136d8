package io.masscast.core.command;

import io.masscast.core.campaign.CampaignException;
import io.masscast.core.model.Actor;
import io.masscast.core.model.BindingPolicy;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.port.OfAuthFailure;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one registry of {@code /masscast} subcommands, shared by every adapter. It parses a command line,
 * runs the command and turns every refusal into a private reply that says what to do next; adapters only
 * translate {@link Reply} into their platform.
 */
public final class CommandRouter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);

    /**
     * A command, parsed from a line or handed over typed. {@code rest} is the raw text after the first word (the
     * positional words for typed input), for free-text arguments.
     */
    public record Invocation(ChannelRef channel, Actor actor, List<String> positional, Map<String, FieldValue> named,
                             String rest) {
        public Invocation {
            positional = List.copyOf(positional);
            named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
        }
    }

    @FunctionalInterface
    interface Handler {
        Reply run(Invocation invocation);
    }

    record Spec(CommandSpec spec, Handler handler) {
        String usage() {
            return spec.usage();
        }
    }

    private final Map<String, Spec> commands = new LinkedHashMap<>();
    private final ComposeCommands compose;
    private final DecisionCommands decisions;

    public CommandRouter(ComposeCommands compose, DecisionCommands decisions, ReadCommands reads, AdminCommands admin) {
        this.compose = compose;
        this.decisions = decisions;
        CommandParam campaign = CommandParam.positional("campaign", CommandParam.Kind.CAMPAIGN, "The campaign, like MC-12.");
        List<CommandParam> form = ComposeForm.FIELDS.stream().map(CommandParam::of).toList();
        add("new", "new [text=\"...\" lists=... exclude=... users=... subscribed_after=YYYY-MM-DD media=... preview=N "
                + "price=12.50 locked=yes markdown=no at=\"2026-03-21 20:00\"]", "compose a mass message (no arguments opens the form)",
                form, compose::compose);
        add("list", "list", "recent campaigns in this channel", List.of(), reads::list);
        add("show", "show MC-ID", "a campaign's card", List.of(campaign), reads::show);
        add("approve", "approve MC-ID", "approve the version on the card", List.of(campaign), decisions::approve);
        add("reject", "reject MC-ID REASON", "reject, saying why", List.of(campaign,
                CommandParam.positional("reason", CommandParam.Kind.REASON, "Why: the requester reads it on the card.")),
                decisions::reject);
        add("edit", "edit MC-ID [key=value ...]", "change a pending or scheduled campaign (requester)",
                concat(campaign, form), compose::edit);
        add("cancel", "cancel MC-ID", "stop a campaign before it goes out", List.of(campaign), decisions::cancel);
        add("unsend", "unsend MC-ID", "pull a sent message back (buyers keep access)", List.of(campaign), decisions::unsend);
        add("mark-sent", "mark-sent MC-ID", "an in-doubt send did reach fans", List.of(campaign), decisions::markSent);
        add("send-again", "send-again MC-ID", "an in-doubt send did not go out: send it", List.of(campaign),
                decisions::sendAgain);
        add("lists", "lists", "the creator's fan lists with sizes", List.of(), reads::lists);
        add("vault", "vault", "recent vault media ids", List.of(), reads::vault);
        add("bind", "bind connection=conn_... [creator=\"Name\"] zone=Area/City approvers=ID,ID",
                "bind this channel to a creator (admins)", List.of(
                        CommandParam.required("connection", CommandParam.Kind.TEXT, "The creator's OFAuth connection id, like conn_abc123."),
                        CommandParam.required("zone", CommandParam.Kind.ZONE, "The creator's time zone, like Europe/Berlin."),
                        CommandParam.named("approvers", CommandParam.Kind.PEOPLE, "Who may approve: people or groups."),
                        CommandParam.named("creator", CommandParam.Kind.TEXT, "The creator's name on cards (default: OFAuth's).")),
                admin::bind);
        add("policy", "policy [approvals=1-3 self_approval=yes|no daily_cap=N|off min_gap=2h|off quiet=23:00-08:00|off "
                + "approvers=ID,ID]", "show or change this channel's rules (changes: admins)", List.of(
                        CommandParam.number("approvals", CommandParam.Kind.WHOLE, "How many approvers must agree.", 1,
                                BindingPolicy.MAX_REQUIRED_APPROVALS),
                        CommandParam.named("self_approval", CommandParam.Kind.FLAG, "May requesters approve their own campaigns?"),
                        CommandParam.named("daily_cap", CommandParam.Kind.TEXT, "Sends a day at most, or off."),
                        CommandParam.named("min_gap", CommandParam.Kind.TEXT, "Time between two sends, like 90m or 2h, or off."),
                        CommandParam.named("quiet", CommandParam.Kind.TEXT, "No sends then, like 23:00-08:00 (creator's zone), or off."),
                        CommandParam.named("approvers", CommandParam.Kind.PEOPLE, "Who may approve: people or groups.")),
                admin::policy);
        add("digest", "digest", "the daily results digest", List.of(), reads::digest);
        add("help", "help", "this list", List.of(), invocation -> help());
    }

    private static List<CommandParam> concat(CommandParam first, List<CommandParam> rest) {
        List<CommandParam> all = new ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    private void add(String name, String usage, String summary, List<CommandParam> params, Handler handler) {
        commands.put(name, new Spec(new CommandSpec(name, usage, summary, params), handler));
    }

    /** Every subcommand, in the order help lists them. */
    public List<CommandSpec> commands() {
        return commands.values().stream().map(Spec::spec).toList();
    }

    /** Runs one command line, e.g. {@code approve MC-3} (with or without a leading {@code /masscast}). */
    public Reply handle(ChannelRef channel, Actor actor, String line) {
        String text = stripPrefix(line);
        String name = firstWord(text);
        String rest = text.substring(name.length()).strip();
        if (name.isEmpty()) {
            return help();
        }
        Spec spec = commands.get(name);
        if (spec == null) {
            return Reply.privately("There is no /masscast " + name + ". " + helpText());
        }
        ArgumentParser.Parsed parsed = ArgumentParser.parse(rest);
        if (!parsed.problems().isEmpty()) {
            return Reply.privately(String.join(" ", parsed.problems()) + "\nUsage: /masscast " + spec.usage());
        }
        return guarded(() -> spec.handler().run(new Invocation(channel, actor, parsed.positional(),
                new LinkedHashMap<String, FieldValue>(parsed.named()), rest)));
    }

    /**
     * Runs a command whose arguments the platform already split and typed (Discord's options): the same as the
     * line {@code name positional... key=value...}, without writing the values out and reading them back.
     * {@code positional} ends with the free text, if the command takes one (a rejection's reason).
     */
    public Reply run(ChannelRef channel, Actor actor, String name, List<String> positional, Map<String, ? extends FieldValue> named) {
        Spec spec = commands.get(name);
        if (spec == null) {
            return Reply.privately("There is no /masscast " + name + ". " + helpText());
        }
        String rest = String.join(" ", positional);
        return guarded(() -> spec.handler().run(new Invocation(channel, actor, positional, new LinkedHashMap<>(named), rest)));
    }

    /** A compose form came back (a modal, shell prompts): create or edit from its values. */
    public Reply submitForm(ChannelRef channel, Actor actor, Optional<Long> campaignId, Map<String, ? extends FieldValue> values) {
        return guarded(() -> compose.submit(channel, actor, campaignId, values));
    }

    /** A button was pressed; {@code input} carries what a follow-up form asked for (the reason of a reject). */
    public Reply click(ChannelRef channel, Actor actor, ActionId action, Optional<String> input) {
        return guarded(() -> action.verb() == ActionId.Verb.EDIT
                ? compose.editForm(actor, action.campaignId())
                : decisions.click(actor, action, input));
    }

    /** Why a command line can't be read (unknown command, unclosed quote, ...), or empty if it can. */
    public Optional<String> syntaxError(String line) {
        String text = stripPrefix(line);
        String name = firstWord(text);
        if (!name.isEmpty() && !commands.containsKey(name)) {
            return Optional.of("unknown command " + name);
        }
        List<String> problems = ArgumentParser.parse(text.substring(name.length())).problems();
        return problems.isEmpty() ? Optional.empty() : Optional.of(String.join(" ", problems));
    }

    private static String stripPrefix(String line) {
        String text = line == null ? "" : line.strip();
        return text.startsWith("/masscast") ? text.substring("/masscast".length()).strip() : text;
    }

    private static String firstWord(String text) {
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).toLowerCase(Locale.ROOT);
    }

    private Reply guarded(java.util.function.Supplier<Reply> work) {
        try {
            return work.get();
        } catch (CampaignException.PolicyViolation violation) {
            return Reply.privately("That can't go out as it is:\n" + violation.getMessage());
        } catch (CampaignException refused) {
            return Reply.privately(refused.getMessage());
        } catch (OfAuthFailure failure) {
            LOG.warn("OFAuth call failed during a command: {}", failure.getClass().getSimpleName());
            return Reply.privately("OFAuth could not answer: " + failure.getMessage() + ". Nothing changed; try again shortly.");
        }
    }

    private Reply help() {
        return Reply.privately(helpText());
    }

    private String helpText() {
        StringBuilder out = new StringBuilder("masscast commands:");
        commands.values().forEach(entry -> out.append("\n  /masscast ").append(entry.usage()).append("\n      ")
                .append(entry.spec().summary()));
        return out.toString();
    }
}
