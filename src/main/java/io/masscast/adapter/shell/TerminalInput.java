package io.masscast.adapter.shell;

import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.UserInterruptException;

/** Lines typed at a terminal through JLine: editing, history, completion. Ctrl-C drops the line, Ctrl-D ends. */
final class TerminalInput implements ShellInput {
    private final LineReader reader;

    TerminalInput(LineReader reader) {
        this.reader = reader;
    }

    @Override
    public Optional<String> readLine(String prompt, int maxLength) {
        try {
            String line = reader.readLine(prompt);
            return Optional.of(line.length() > maxLength ? line.substring(0, maxLength + 1) : line);
        } catch (UserInterruptException interrupted) {
            return Optional.of("");
        } catch (EndOfFileException end) {
            return Optional.empty();
        }
    }
}
