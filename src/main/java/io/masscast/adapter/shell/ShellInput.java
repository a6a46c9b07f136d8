package io.masscast.adapter.shell;

import java.util.Optional;

/** Where the terminal's lines come from: a person at a terminal, or a pipe. */
interface ShellInput {
    /**
     * The next line, or empty at the end of input. A line longer than {@code maxLength} is returned cut to
     * {@code maxLength + 1} characters (the rest of it is skipped), so that a caller can refuse it without holding it.
     * {@code prompt} is shown to a person typing; a pipe shows nothing.
     */
    Optional<String> readLine(String prompt, int maxLength);
}
