package io.masscast.app;

import io.masscast.adapter.shell.ShellIo;
import io.masscast.config.ConfigLoader;
import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.RateLimitPlan;
import io.masscast.simulator.SimulatorConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The terminal mode driven like a person at a keyboard: lines are typed one at a time and the test waits
 * for what the terminal shows before typing the next. Runs on the OFAuth simulator with fast job intervals.
 */
final class ShellSession implements AutoCloseable {
    private static final Wiring.Intervals FAST = new Wiring.Intervals(
            Duration.ofMillis(50),
            Duration.ofMillis(50),
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofSeconds(1));

    final OfAuthSimulator simulator =
            OfAuthSimulator.start(SimulatorConfig.defaults().withPort(0).withRateLimit(new RateLimitPlan.Unlimited()));
    private final PipedOutputStream keyboard = new PipedOutputStream();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final CompletableFuture<Integer> exit;
    private int seen;
    private int previousStart;

    /** Lines piped in, as a script would. */
    ShellSession() {
        this(false);
    }

    /**
     * @param atTerminal type at a terminal (JLine over the test's streams, as an xterm) instead of piping lines
     */
    private ShellSession(boolean atTerminal) {
        PipedInputStream in;
        try {
            in = new PipedInputStream(keyboard, 1 << 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PrintStream out = new PrintStream(screen, true, StandardCharsets.UTF_8);
        exit = CompletableFuture.supplyAsync(() -> ShellMode.run(
                ConfigLoader.load(Map.of()),
                Optional.of(simulator),
                FAST,
                router -> atTerminal ? ShellIo.over(terminal(in, out), router) : ShellIo.piped(in, out)));
    }

    static ShellSession atTerminal() {
        return new ShellSession(true);
    }

    private static Terminal terminal(PipedInputStream in, PrintStream out) {
        try {
            return TerminalBuilder.builder()
                    .system(false)
                    .streams(in, out)
                    .type("xterm")
                    .encoding(StandardCharsets.UTF_8)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Types a line. */
    ShellSession type(String line) {
        return keys(line + "\n");
    }

    /** Presses keys, as they are: {@code \t} completes, {@code \u0010} (Ctrl-P) recalls, {@code \r} ends the line. */
    ShellSession keys(String keys) {
        try {
            keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
            keyboard.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /**
     * Waits until the terminal shows {@code text} after what earlier waits consumed, and returns that part. The text
     * may also be in what the previous wait consumed: a reply and the outbox's post of the same event race (the
     * outbox is woken when the command commits), so either may print first; then the part returned starts where the
     * previous wait began.
     */
    String await(String text) {
        return awaitAll(text);
    }

    /** As {@link #await}, for several texts in any order; returns the part up to the last of them. */
    String awaitAll(String... texts) {
        String[] shown = new String[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> {
            String all = screen();
            int from = seen;
            int end = seen;
            for (String text : texts) {
                int at = all.indexOf(text, seen);
                if (at < 0) {
                    at = all.indexOf(text, previousStart);
                    if (at < 0 || at >= seen) {
                        return false;
                    }
                    from = previousStart;
                }
                end = Math.max(end, at + text.length());
            }
            shown[0] = all.substring(from, end);
            previousStart = seen;
            seen = end;
            return true;
        });
        return shown[0];
    }

    String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    /** Ends the input as a pipe would, and returns the exit status. */
    int endOfInput() {
        try {
            keyboard.close();
            return exit.get(90, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("the shell did not exit", e);
        }
    }

    @Override
    public void close() {
        try {
            keyboard.close();
            exit.get(90, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // already ended, or the test failed before ending it
        } finally {
            simulator.close();
        }
    }
}
