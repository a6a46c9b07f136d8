package io.masscast.adapter.shell;

import java.io.PrintStream;

/** The terminal's output, shared by the prompt and the background notifier so lines never interleave. */
final class ShellConsole {
    private final PrintStream out;

    ShellConsole(PrintStream out) {
        this.out = out;
    }

    synchronized void print(String text) {
        out.println(ShellText.plain(text));
        out.flush();
    }
}
