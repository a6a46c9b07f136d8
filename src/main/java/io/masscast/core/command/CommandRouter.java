package io.masscast.core.command;

import io.masscast.core.campaign.CampaignException;
import io.masscast.core.model.Actor;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.port.OfAuthFailure;
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

    /** A command line, parsed. {@code rest} is the raw text after the first word, for free-text arguments. */
    public record Invocation(ChannelRef channel, Actor actor, List<String> positional, Map<String, RawValue> named,
                             String rest) {
    }

    @FunctionalInterface
    interface Handler {
        Reply run(Invocation invocation);
    }

    record Spec(String name, String usage, String summary, Handler handler) {
    }

    private final Map<String, Spec> commands = new LinkedHashMap<>();
    private final ComposeCommands compose;
    private final DecisionCommands decisions;

    public CommandRouter(ComposeCommands compose, DecisionCommands decisions, ReadCommands reads, AdminCommands admin,
                         DigestCommands digests) {
        this.compose = compose;
        this.decisions = decisions;
        add("new", "new [text=\"...\" lists=... exclude=... users=... subscribed_after=YYYY-MM-DD media=... preview=N "
                + "price=12.50 locked=yes markdown=no at=\"2026-03-21 20:00\"]", "compose a mass message (no arguments opens the form)",
                compose::compose);
        add("list", "list", "recent campaigns in this channel", reads::list);
        add("show", "show MC-ID", "a campaign's card", reads::show);
        add("approve", "approve MC-ID", "approve the version on the card", decisions::approve);
        add("reject", "reject MC-ID REASON", "reject, saying why", decisions::reject);
        add("edit", "edit MC-ID [key=value ...]", "change a pending or scheduled campaign (requester)", compose::edit);
        add("cancel", "cancel MC-ID", "stop a campaign before it goes out", decisions::cancel);
        add("unsend", "unsend MC-ID", "pull a sent message back (buyers keep access)", decisions::unsend);
        add("mark-sent", "mark-sent MC-ID", "an in-doubt send did reach fans", decisions::markSent);
        add("send-again", "send-again MC-ID", "an in-doubt send did not go out: send it", decisions::sendAgain);
        add("lists", "lists", "the creator's fan lists with sizes", reads::lists);
        add("vault", "vault", "recent vault media ids", reads::vault);
        add("bind", "bind connection=conn_... [creator=\"Name\"] zone=Area/City approvers=ID,ID",
                "bind this channel to a creator (admins)", admin::bind);
        add("policy", "policy [approvals=1-3 self_approval=yes|no daily_cap=N|off min_gap=2h|off quiet=23:00-08:00|off "
                + "digest=09:00|off approvers=ID,ID]", "show or change this channel's rules (changes: admins)", admin::policy);
        add("digest", DigestCommands.USAGE, "post the results digest with its chart in this channel now", digests::digest);
        add("help", "help", "this list", invocation -> help());
    }

    private void add(String name, String usage, String summary, Handler handler) {
        commands.put(name, new Spec(name, usage, summary, handler));
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
        return guarded(() -> spec.handler().run(new Invocation(channel, actor, parsed.positional(), parsed.named(), rest)));
    }

    /** A compose form came back (Slack modal, shell prompts): create or edit from its values. */
    public Reply submitForm(ChannelRef channel, Actor actor, Optional<Long> campaignId, Map<String, RawValue> values) {
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
        commands.values().forEach(spec -> out.append("\n  /masscast ").append(spec.usage()).append("\n      ")
                .append(spec.summary()));
        return out.toString();
    }
}
