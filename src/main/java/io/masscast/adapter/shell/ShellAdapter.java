package io.masscast.adapter.shell;

import io.masscast.core.command.CommandRouter;
import io.masscast.core.command.RawValue;
import io.masscast.core.command.Reply;
import io.masscast.core.model.Actor;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.policy.FieldError;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * masscast in a terminal: one channel, a few demo users, the same commands as Slack. Lines come from a
 * person or a pipe alike. {@code /as NAME} switches the acting user, {@code /wait SECONDS} pauses a script.
 * At the end of input it waits for in-flight sends and notifications, then returns 0, or 1 if a line could
 * not be read as a command.
 */
public final class ShellAdapter {
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(60);
    private static final Duration DRAIN_STEP = Duration.ofMillis(100);

    private final CommandRouter router;
    private final ChannelRef channel;
    private final BufferedReader in;
    private final ShellConsole console;
    private final ShellNotifier notifier;
    private final FormPrompter prompter;
    private final BooleanSupplier idle;
    private Actor actor;
    private boolean syntaxErrors;

    /**
     * @param idle whether no send or notification is still in flight (checked before exiting at end of input)
     */
    public ShellAdapter(CommandRouter router, ChannelRef channel, Actor firstActor, BufferedReader in, PrintStream out,
                        BooleanSupplier idle) {
        this.router = router;
        this.channel = channel;
        this.actor = firstActor;
        this.in = in;
        this.console = new ShellConsole(out);
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
        Optional<String> line;
        while ((line = readLine()).isPresent()) {
            String text = line.get().strip();
            if (text.isEmpty() || text.startsWith("#")) {
                continue;
            }
            if (text.equals("/quit") || text.equals("/exit")) {
                break;
            }
            handle(text);
        }
        drain();
        return syntaxErrors ? 1 : 0;
    }

    private void handle(String text) {
        if (text.startsWith("/as")) {
            switchUser(text.substring(3).strip());
        } else if (text.startsWith("/wait")) {
            pause(text.substring(5).strip());
        } else {
            router.syntaxError(text).ifPresent(problem -> syntaxErrors = true);
            show(router.handle(channel, actor, text));
        }
    }

    private void switchUser(String name) {
        if (name.isEmpty() || name.contains(" ")) {
            syntaxErrors = true;
            console.print("Usage: /as NAME (for example /as bob)");
            return;
        }
        actor = Actor.of(name, name);
        console.print("You are now " + name + ".");
    }

    private void pause(String seconds) {
        try {
            Thread.sleep(Duration.ofMillis(Math.round(Double.parseDouble(seconds) * 1000)).toMillis());
        } catch (NumberFormatException e) {
            syntaxErrors = true;
            console.print("Usage: /wait SECONDS (for example /wait 2)");
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
            prompter.askAll(form.spec()).ifPresent(answers -> submit(form.spec().campaignId(), form.spec(), answers));
        } else if (reply instanceof Reply.Errors errors) {
            console.print("→ That can't go out as it is:");
            errors.errors().forEach(e -> console.print("  " + e.field() + ": " + e.message()));
        }
    }

    /** Submits a form, asking again for the fields with errors until it is accepted or abandoned. */
    private void submit(Optional<Long> campaignId, io.masscast.core.command.FormSpec spec, Map<String, RawValue> answers) {
        Reply reply = router.submitForm(channel, actor, campaignId, answers);
        while (reply instanceof Reply.Errors errors) {
            List<FieldError> problems = errors.errors();
            Optional<Map<String, RawValue>> fixed = prompter.askAgain(spec, problems, answers);
            if (fixed.isEmpty()) {
                return;
            }
            answers = fixed.get();
            reply = router.submitForm(channel, actor, campaignId, answers);
        }
        show(reply);
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

    private Optional<String> readLine() {
        try {
            return Optional.ofNullable(in.readLine());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
