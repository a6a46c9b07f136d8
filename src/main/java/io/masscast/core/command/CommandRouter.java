package io.masscast.core.command;

import io.masscast.core.campaign.CampaignException;
import io.masscast.core.model.Actor;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.policy.Excerpt;
import io.masscast.core.policy.Fields;
import io.masscast.core.policy.SendPolicy;
import io.masscast.core.port.OfAuthFailure;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@code /masscast} subcommands of the {@link CommandCatalog}, for every adapter: from a command line it
 * parses, or from arguments a platform already typed. Every refusal becomes a private reply that says what to do
 * next; adapters only translate {@link Reply} into their platform.
 */
public final class CommandRouter {
    private static final Logger LOG = LoggerFactory.getLogger(CommandRouter.class);

    /**
     * A command, parsed from a line or handed over typed. {@code rest} is the raw text after the first word (the
     * positional words for typed input), for free-text arguments.
     */
    public record Invocation(
            ChannelRef channel, Actor actor, List<String> positional, Map<String, FieldValue> named, String rest) {
        public Invocation {
            positional = List.copyOf(positional);
            named = Collections.unmodifiableMap(new LinkedHashMap<>(named));
        }
    }

    @FunctionalInterface
    interface Handler {
        Reply run(Invocation invocation);
    }

    /** What a command takes after its name. */
    enum Args {
        /** nothing: {@code list} */
        NONE,
        /** {@code key=value} arguments only: {@code new}, {@code bind}, {@code policy} */
        KEYS,
        /** one campaign id: {@code approve MC-3} */
        ID,
        /** a campaign id, then {@code key=value} arguments: {@code edit MC-3 price=15} */
        ID_AND_KEYS,
        /** a campaign id, then free text that is not parsed: {@code reject MC-3 too pricey, "maybe" later} */
        ID_AND_TEXT,
        /** one word at most, no {@code key=value}: {@code digest 7d} */
        WORD,
        /** anything, ignored: {@code help} */
        ANY
    }

    record Spec(CommandSpec spec, Args args, Handler handler) {
        String name() {
            return spec.name();
        }

        String usage() {
            return spec.usage();
        }
    }

    /**
     * The longest command line read: a message text of 10,000 characters, its escapes and every other key fit;
     * anything longer is refused before it is parsed.
     */
    public static final int MAX_LINE_LENGTH = 25_000;

    private static final String PREFIX = "/masscast";

    private final Map<String, Spec> commands = new LinkedHashMap<>();
    private final Map<String, Handler> handlers = new LinkedHashMap<>();
    private final ComposeCommands compose;
    private final DecisionCommands decisions;
    private final ReadCommands reads;

    public CommandRouter(
            ComposeCommands compose,
            DecisionCommands decisions,
            ReadCommands reads,
            AdminCommands admin,
            DigestCommands digests,
            BestTimeCommands bestTimes) {
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
        handlers.put("digest", digests::digest);
        handlers.put("best-time", bestTimes::bestTime);
        handlers.put("help", invocation -> help());
        for (CommandSpec spec : CommandCatalog.ALL) {
            commands.put(
                    spec.name(),
                    new Spec(spec, args(spec), Objects.requireNonNull(handlers.get(spec.name()), spec.name())));
        }
        if (!commands.keySet().equals(handlers.keySet())) {
            throw new IllegalStateException(
                    "every command in the catalog needs a handler, and every handler a command");
        }
    }

    /** What a command line of {@code spec} takes after the name, from the arguments the catalog declares. */
    private static Args args(CommandSpec spec) {
        if (spec.name().equals("help")) {
            return Args.ANY;
        }
        List<CommandParam> positional =
                spec.params().stream().filter(CommandParam::positional).toList();
        boolean keys = spec.params().stream().anyMatch(param -> !param.positional());
        if (positional.isEmpty()) {
            return keys ? Args.KEYS : Args.NONE;
        }
        if (positional.stream().anyMatch(param -> param.kind() == CommandParam.Kind.REASON)) {
            return Args.ID_AND_TEXT;
        }
        if (positional.stream().noneMatch(param -> param.kind() == CommandParam.Kind.CAMPAIGN)) {
            return Args.WORD;
        }
        return keys ? Args.ID_AND_KEYS : Args.ID;
    }

    /** Every subcommand, in the order help lists them ({@link CommandCatalog#ALL}). */
    public List<CommandSpec> commands() {
        return CommandCatalog.ALL;
    }

    /** The subcommands, in the order help lists them (for completion in a terminal). */
    public List<String> commandNames() {
        return List.copyOf(commands.keySet());
    }

    /** The keys {@code command} takes as {@code key=value}; empty for a command that takes none, or no command. */
    public List<String> keysOf(String command) {
        return switch (command.toLowerCase(Locale.ROOT)) {
            case "new" -> Fields.ALL;
            case "edit" ->
                Fields.ALL.stream().filter(key -> !Fields.AB_TEST.contains(key)).toList();
            case "approve" -> List.of(Fields.CONFIRM);
            case "bind" -> AdminCommands.BIND_KEYS;
            case "policy" -> AdminCommands.POLICY_KEYS;
            default -> List.of();
        };
    }

    /** Runs one command line, e.g. {@code approve MC-3} (with or without a leading {@code /masscast}). */
    public Reply handle(ChannelRef channel, Actor actor, String line) {
        return handle(channel, actor, line, UnaryOperator.identity());
    }

    /**
     * As {@link #handle(ChannelRef, Actor, String)}, with the line's {@code key=value} arguments turned into typed
     * values by the adapter first ({@code typed}): the terminal reads {@code files=PATH} into the files it names.
     * What {@code typed} throws reaches the caller unchanged.
     */
    public Reply handle(ChannelRef channel, Actor actor, String line, UnaryOperator<Map<String, FieldValue>> typed) {
        if (line != null && line.length() > MAX_LINE_LENGTH) {
            return Reply.privately(tooLong(line));
        }
        String text = stripPrefix(line);
        String word = firstWord(text);
        String name = word.toLowerCase(Locale.ROOT);
        String rest = text.substring(word.length()).strip();
        if (name.isEmpty()) {
            return help();
        }
        Spec spec = commands.get(name);
        if (spec == null) {
            return Reply.privately("There is no /masscast " + Excerpt.name(word) + ". " + helpText());
        }
        ArgumentParser.Parsed parsed = parse(spec, rest);
        Optional<String> problem = problem(spec, parsed);
        if (problem.isPresent()) {
            return Reply.privately(problem.get() + "\nUsage: /masscast " + spec.usage());
        }
        Map<String, FieldValue> named = typed.apply(new LinkedHashMap<String, FieldValue>(parsed.named()));
        return guarded(() -> spec.handler().run(new Invocation(channel, actor, parsed.positional(), named, rest)));
    }

    /**
     * Runs a command whose arguments the platform already split and typed (Discord's options): the same as the
     * line {@code name positional... key=value...}, without writing the values out and reading them back.
     * {@code positional} ends with the free text, if the command takes one (a rejection's reason).
     */
    public Reply run(
            ChannelRef channel,
            Actor actor,
            String name,
            List<String> positional,
            Map<String, ? extends FieldValue> named) {
        Spec spec = commands.get(name);
        if (spec == null) {
            return Reply.privately("There is no /masscast " + Excerpt.name(name) + ". " + helpText());
        }
        String rest = String.join(" ", positional);
        return guarded(
                () -> spec.handler().run(new Invocation(channel, actor, positional, new LinkedHashMap<>(named), rest)));
    }

    /** A compose form came back (a modal, shell prompts): create or edit from its values. */
    public Reply submitForm(
            ChannelRef channel, Actor actor, Optional<Long> campaignId, Map<String, ? extends FieldValue> values) {
        return guarded(() -> compose.submit(channel, actor, campaignId, values));
    }

    /** A button was pressed; {@code input} carries what a follow-up form asked for (the reason of a reject). */
    public Reply click(ChannelRef channel, Actor actor, ActionId action, Optional<String> input) {
        return guarded(() -> action.verb() == ActionId.Verb.EDIT
                ? compose.editForm(channel, actor, action.campaignId())
                : decisions.click(channel, actor, action, input));
    }

    /**
     * A card button pressed on a platform whose buttons have no confirmation dialog: if the card offers this
     * button now and it asks for confirmation, the {@link Reply.Confirm} to show (restating price, recipients and
     * send time as they are now); otherwise the same as {@link #click} (which also refuses a stale or foreign click).
     */
    public Reply press(ChannelRef channel, Actor actor, ActionId action) {
        return guarded(() -> reads.currentAction(action)
                .filter(offered -> offered.confirm().isPresent())
                .<Reply>map(Reply.Confirm::new)
                .orElseGet(() -> click(channel, actor, action, Optional.empty())));
    }

    /** Why a command line can't be read (unknown command, unclosed quote, ...), or empty if it can. */
    public Optional<String> syntaxError(String line) {
        if (line != null && line.length() > MAX_LINE_LENGTH) {
            return Optional.of(tooLong(line));
        }
        String text = stripPrefix(line);
        String word = firstWord(text);
        if (word.isEmpty()) {
            return Optional.empty();
        }
        Spec spec = commands.get(word.toLowerCase(Locale.ROOT));
        if (spec == null) {
            return Optional.of("unknown command " + Excerpt.name(word));
        }
        return problem(spec, parse(spec, text.substring(word.length()).strip()));
    }

    /** The arguments of a command line; a free-text command parses only its id, the rest is its text. */
    private static ArgumentParser.Parsed parse(Spec spec, String rest) {
        if (spec.args() != Args.ID_AND_TEXT) {
            return ArgumentParser.parse(rest);
        }
        String id = rest.split("\\s", 2)[0];
        List<ArgumentParser.Word> words =
                id.isEmpty() ? List.of() : List.of(new ArgumentParser.Word(id, Optional.empty()));
        return new ArgumentParser.Parsed(words, Map.of(), List.of());
    }

    /** Why the arguments don't fit the command (unreadable, or words or keys it doesn't take), or empty. */
    private static Optional<String> problem(Spec spec, ArgumentParser.Parsed parsed) {
        if (!parsed.problems().isEmpty()) {
            return Optional.of(String.join(" ", parsed.problems()));
        }
        boolean keysAllowed = spec.args() == Args.KEYS || spec.args() == Args.ID_AND_KEYS || spec.args() == Args.ANY;
        if (!keysAllowed && !parsed.named().isEmpty()) {
            return Optional.of("/masscast " + spec.name() + " takes no key=value arguments ("
                    + String.join(
                            ", ",
                            parsed.named().keySet().stream()
                                    .limit(3)
                                    .map(Excerpt::name)
                                    .toList()) + ").");
        }
        return switch (spec.args()) {
            case NONE ->
                parsed.words().isEmpty()
                        ? Optional.empty()
                        : Optional.of("/masscast " + spec.name() + " takes no arguments ("
                                + Excerpt.of(parsed.positional().get(0))
                                + (parsed.words().size() > 1 ? ", ..." : "") + ").");
            case KEYS -> parsed.extraWords(0);
            case ID, ID_AND_KEYS -> parsed.extraWords(1);
            case WORD ->
                parsed.words().size() <= 1
                        ? Optional.empty()
                        : Optional.of("/masscast " + spec.name() + " takes one argument at most ("
                                + Excerpt.of(parsed.positional().get(0)) + ", "
                                + Excerpt.of(parsed.positional().get(1))
                                + (parsed.words().size() > 2 ? ", ..." : "") + ").");
            case ID_AND_TEXT, ANY -> Optional.empty();
        };
    }

    private static String tooLong(String line) {
        return "That command is " + String.format(Locale.ROOT, "%,d", line.length())
                + " characters long; masscast reads "
                + String.format(Locale.ROOT, "%,d", MAX_LINE_LENGTH) + " at most (a message text is at most "
                + String.format(Locale.ROOT, "%,d", SendPolicy.MAX_TEXT_LENGTH) + "). Nothing was done.";
    }

    /** The line without a leading {@code /masscast} (a word of its own: {@code /masscastnew} is not a command). */
    private static String stripPrefix(String line) {
        String text = line == null ? "" : line.strip();
        return firstWord(text).equals(PREFIX) ? text.substring(PREFIX.length()).strip() : text;
    }

    private static String firstWord(String text) {
        int end = 0;
        while (end < text.length() && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return text.substring(0, end);
    }

    private Reply guarded(java.util.function.Supplier<Reply> work) {
        try {
            return work.get();
        } catch (CampaignException.PolicyViolation violation) {
            return Reply.privately("That can't go out as it is:\n" + violation.getMessage());
        } catch (CampaignException refused) {
            return Reply.privately(refused.getMessage());
        } catch (OfAuthFailure failure) {
            LOG.warn(
                    "OFAuth call failed during a command: {}",
                    failure.getClass().getSimpleName());
            return Reply.privately(
                    "OFAuth could not answer: " + failure.getMessage() + ". Nothing changed; try again shortly.");
        }
    }

    private Reply help() {
        return Reply.privately(helpText());
    }

    private String helpText() {
        StringBuilder out = new StringBuilder("masscast commands:");
        commands.values()
                .forEach(entry -> out.append("\n  /masscast ")
                        .append(entry.usage())
                        .append("\n      ")
                        .append(entry.spec().summary()));
        return out.toString();
    }
}
