package io.masscast.core.command;

import io.masscast.core.campaign.CampaignException;
import io.masscast.core.model.Actor;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.port.OfAuthFailure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
    private final Map<String, Handler> handlers = new LinkedHashMap<>();
    private final ComposeCommands compose;
    private final DecisionCommands decisions;
    private final ReadCommands reads;

    public CommandRouter(ComposeCommands compose, DecisionCommands decisions, ReadCommands reads, AdminCommands admin) {
        this.compose = compose;
        this.decisions = decisions;
        this.reads = reads;
        handlers.put("new", compose::compose);
        handlers.put("list", reads::list);
        handlers.put("show", reads::show);
        handlers.put("approve", decisions::approve);
        handlers.put("reject", decisions::reject);
        handlers.put("edit", compose::edit);
        handlers.put("cancel", decisions::cancel);
        handlers.put("unsend", decisions::unsend);
        handlers.put("mark-sent", decisions::markSent);
        handlers.put("send-again", decisions::sendAgain);
        handlers.put("lists", reads::lists);
        handlers.put("vault", reads::vault);
        handlers.put("bind", admin::bind);
        handlers.put("policy", admin::policy);
        handlers.put("digest", reads::digest);
        handlers.put("help", invocation -> help());
        for (CommandSpec spec : CommandCatalog.ALL) {
            commands.put(spec.name(), new Spec(spec, Objects.requireNonNull(handlers.get(spec.name()), spec.name())));
        }
        if (!commands.keySet().equals(handlers.keySet())) {
            throw new IllegalStateException("every command in the catalog needs a handler, and every handler a command");
        }
    }

    /** Every subcommand, in the order help lists them ({@link CommandCatalog#ALL}). */
    public List<CommandSpec> commands() {
        return CommandCatalog.ALL;
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

    /**
     * A card button pressed on a platform whose buttons have no confirmation dialog: if the card offers this
     * button now and it asks for confirmation, the {@link Reply.Confirm} to show (restating price, recipients and
     * send time as they are now); otherwise the same as {@link #click} (which also refuses a stale or foreign click).
     */
    public Reply press(ChannelRef channel, Actor actor, ActionId action) {
        return guarded(() -> reads.currentAction(action).filter(offered -> offered.confirm().isPresent())
                .<Reply>map(Reply.Confirm::new)
                .orElseGet(() -> click(channel, actor, action, Optional.empty())));
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
