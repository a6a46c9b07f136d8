package io.masscast.adapter.shell;

import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.FieldValue;
import io.masscast.core.command.FormSpec;
import io.masscast.core.command.RawValue;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.policy.Excerpt;
import io.masscast.core.policy.FieldError;
import io.masscast.core.policy.Fields;
import io.masscast.core.policy.NumberInput;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * masscast in a terminal: one channel, a few demo users, the same commands as Slack. Lines come from a
 * person or a pipe alike. {@code /as NAME} switches the acting user, {@code /wait SECONDS} pauses a script.
 * At the end of input it waits for in-flight sends and notifications, then returns 0, or 1 if a line could
 * not be read as a command.
 */
public final class ShellAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(ShellAdapter.class);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    private static final Duration DRAIN_STEP = Duration.ofMillis(100);
    static final BigDecimal MAX_WAIT_SECONDS = BigDecimal.valueOf(600);
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final String TERMINAL_HELP = "Type /masscast help for the commands, /as NAME to switch user, "
            + "/wait SECONDS to pause, /quit to leave.";

    private final CommandRouter router;
    private final ChannelRef channel;
    private final ShellInput in;
    private final ShellConsole console;
    private final boolean interactive;
    private final ShellNotifier notifier;
    private final FormPrompter prompter;
    private final BooleanSupplier idle;
    private Actor actor;
    private boolean syntaxErrors;

    /**
     * @param idle whether no send or notification is still in flight (checked before exiting at end of input)
     */
    public ShellAdapter(CommandRouter router, ChannelRef channel, Actor firstActor, ShellIo io, BooleanSupplier idle) {
        this.router = router;
        this.channel = channel;
        this.actor = firstActor;
        this.in = io.input();
        this.console = io.console();
        this.interactive = io.isInteractive();
        this.notifier = new ShellNotifier(console, ShellNotifier.IMAGE_DIRECTORY);
        this.prompter = new FormPrompter(in, console);
        this.idle = idle;
    }

    /** Prints cards and notes as the outbox delivers them. */
    public ShellNotifier notifier() {
        return notifier;
    }

    public void print(String text) {
        console.print(text);
    }

    /** Reads commands until the input ends; returns the process exit status. */
    public int run() {
        console.print("You are " + actor.userId() + ". Type /masscast help, /as NAME to switch user, /quit to leave.");
        for (Optional<String> line = nextLine(); line.isPresent(); line = nextLine()) {
            String text = line.get().strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.equals("/quit") || text.equals("/exit")) {
                break;
            }
            handleGuarded(text);
        }
        drain();
        return syntaxErrors ? 1 : 0;
    }

    /** The next line, prompted with the current user's name when a person types. */
    private Optional<String> nextLine() {
        return in.readLine(interactive ? actor.userId() + "> " : "", CommandRouter.MAX_LINE_LENGTH);
    }

    /** One line; whatever goes wrong in it is logged and said, and the next line is read as usual. */
    private void handleGuarded(String text) {
        try {
            handle(text);
        } catch (RuntimeException e) {
            syntaxErrors = true;
            LOG.error("Terminal command {} by {} failed", commandName(text), actor.userId(), e);
            console.print("→ masscast could not finish that command (an internal error; it is logged). "
                    + "/masscast list shows where the campaigns stand.");
        }
    }

    private void handle(String text) {
        if (text.length() > CommandRouter.MAX_LINE_LENGTH) {
            syntaxErrors = true;
            console.print(
                    "→ That line is longer than " + String.format(Locale.ROOT, "%,d", CommandRouter.MAX_LINE_LENGTH)
                            + " characters; masscast reads no more. Nothing was done.");
            return;
        }
        String word = text.split("\\s", 2)[0];
        String argument = text.substring(word.length()).strip();
        switch (word) {
            case "/as" -> switchUser(argument);
            case "/wait" -> pause(argument);
            default -> {
                if (word.startsWith("/") && !word.equals(ShellCompleter.MASSCAST)) {
                    syntaxErrors = true;
                    console.print("→ There is no terminal command " + Excerpt.name(word) + ". " + TERMINAL_HELP);
                    return;
                }
                router.syntaxError(text).ifPresent(problem -> syntaxErrors = true);
                try {
                    show(router.handle(channel, actor, text, LocalFiles::typed));
                } catch (LocalFiles.NoSuchFile missing) {
                    syntaxErrors = true;
                    console.print("→ " + missing.getMessage());
                }
            }
        }
    }

    private void switchUser(String name) {
        if (!USER_NAME.matcher(name).matches()) {
            syntaxErrors = true;
            console.print("→ Usage: /as NAME (for example /as bob): a name of letters, digits, . _ or -");
            return;
        }
        actor = Actor.of(name, name);
        console.print("You are now " + name + ".");
    }

    /** Pauses a script for 0 to 600 seconds (a larger, negative or non-numeric pause is refused). */
    private void pause(String seconds) {
        Optional<BigDecimal> wait =
                NumberInput.decimal(seconds).filter(s -> s.signum() >= 0 && s.compareTo(MAX_WAIT_SECONDS) <= 0);
        if (wait.isEmpty()) {
            syntaxErrors = true;
            console.print(
                    "→ Usage: /wait SECONDS, from 0 to " + MAX_WAIT_SECONDS + " (for example /wait 2 or /wait 0.5)"
                            + (seconds.isEmpty() ? "" : "; " + Excerpt.of(seconds) + " won't do."));
            return;
        }
        try {
            Thread.sleep(wait.get().movePointRight(3).longValue());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void show(Reply reply) {
        if (reply instanceof Reply.Text text) {
            console.print("→ " + text.text());
        } else if (reply instanceof Reply.CardReply card) {
            console.print(ShellText.card(card.card()));
        } else if (reply instanceof Reply.Form form) {
            prompter.askAll(form.spec()).ifPresent(answers -> submit(form.spec(), answers));
        } else if (reply instanceof Reply.Confirm confirm) {
            console.print(ShellText.confirmation(confirm.action()));
        } else if (reply instanceof Reply.Errors errors) {
            console.print("→ That can't go out as it is:");
            errors.errors().forEach(e -> console.print("  " + e.field() + ": " + e.message()));
        }
    }

    /** Submits a form, asking again for the fields with errors until it is accepted or abandoned. */
    private void submit(FormSpec spec, Map<String, RawValue> answers) {
        Reply reply = submitted(spec, answers);
        while (reply instanceof Reply.Errors errors) {
            List<FieldError> problems = errors.errors();
            Optional<Map<String, RawValue>> fixed = prompter.askAgain(spec, problems, answers);
            if (fixed.isEmpty()) {
                return;
            }
            answers = fixed.get();
            reply = submitted(spec, answers);
        }
        show(reply);
    }

    /** The form's answers submitted, the files it names read from this computer (a path that is none: asked again). */
    private Reply submitted(FormSpec spec, Map<String, RawValue> answers) {
        try {
            return router.submitForm(
                    channel,
                    actor,
                    spec.campaignId(),
                    LocalFiles.typed(new LinkedHashMap<String, FieldValue>(answers)));
        } catch (LocalFiles.NoSuchFile missing) {
            return new Reply.Errors(List.of(new FieldError(Fields.FILES, missing.getMessage())), spec);
        }
    }

    private void drain() {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (!idle.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                console.print("Stopped waiting for in-flight sends after " + DRAIN_LIMIT.toSeconds()
                        + " s; they continue at the next start.");
                return;
            }
            try {
                Thread.sleep(DRAIN_STEP.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The command a line runs, for a log line (never the line itself: it may hold message text). */
    private static String commandName(String text) {
        String[] words = text.split("\\s+", 3);
        String name = words[0].equals(ShellCompleter.MASSCAST) && words.length > 1 ? words[1] : words[0];
        return Excerpt.name(name.length() > 20 ? name.substring(0, 20) : name);
    }
}
