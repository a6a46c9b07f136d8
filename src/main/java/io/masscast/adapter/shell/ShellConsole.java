package io.masscast.adapter.shell;

import java.io.PrintStream;
import java.util.function.Consumer;

/**
 * The terminal's output, shared by the prompt and the background notifier so lines never interleave. At an
 * interactive terminal a line is printed above the one being typed.
 */
final class ShellConsole {
    private final Consumer<String> lines;

    ShellConsole(Consumer<String> lines) {
        this.lines = lines;
    }

    static ShellConsole of(PrintStream out) {
        return new ShellConsole(line -> {
            out.println(line);
            out.flush();
        });
    }

    synchronized void print(String text) {
        lines.accept(ShellText.plain(text));
    }
}
