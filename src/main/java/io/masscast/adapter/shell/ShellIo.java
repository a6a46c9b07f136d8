package io.masscast.adapter.shell;

import io.masscast.core.command.CommandRouter;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The terminal's lines in and out: a person at a terminal (JLine: line editing, history, completion of
 * commands and keys) or a pipe (read as typed, no prompt). Both are UTF-8 whatever the locale.
 */
public final class ShellIo implements AutoCloseable {
    private final ShellInput input;
    private final ShellConsole console;
    private final Optional<Terminal> terminal;

    private ShellIo(ShellInput input, ShellConsole console, Optional<Terminal> terminal) {
        this.input = input;
        this.console = console;
        this.terminal = terminal;
    }

    /** Lines from a pipe or file, output to {@code out} (which should encode UTF-8). */
    public static ShellIo piped(InputStream in, PrintStream out) {
        return new ShellIo(
                new PipedInput(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))),
                ShellConsole.of(out),
                Optional.empty());
    }

    /** The process's terminal through JLine, in UTF-8 whatever the locale says. */
    public static ShellIo systemTerminal(CommandRouter router) {
        try {
            // dumb(true): if no terminal provider works, a plain line reader, without JLine's warning
            return over(
                    TerminalBuilder.builder()
                            .system(true)
                            .dumb(true)
                            .encoding(StandardCharsets.UTF_8)
                            .build(),
                    router);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the terminal", e);
        }
    }

    /** JLine over {@code terminal} (the system's, or one over other streams: tests, a remote session). */
    public static ShellIo over(Terminal terminal, CommandRouter router) {
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("masscast")
                .completer(new ShellCompleter(router))
                // "!" is common in message texts; history expansion would rewrite or refuse such lines
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .variable(LineReader.HISTORY_SIZE, 1_000)
                .build();
        return new ShellIo(new TerminalInput(reader), new ShellConsole(reader::printAbove), Optional.of(terminal));
    }

    ShellInput input() {
        return input;
    }

    ShellConsole console() {
        return console;
    }

    boolean isInteractive() {
        return terminal.isPresent();
    }

    @Override
    public void close() {
        terminal.ifPresent(t -> {
            try {
                t.close();
            } catch (IOException e) {
                // the process is ending; the terminal is restored by its own shutdown hook
            }
        });
    }
}
