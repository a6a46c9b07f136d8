package io.masscast.adapter.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Lines from a pipe or file, ended by \n, \r\n or \r as {@link BufferedReader#readLine} does, each read in bounded memory. */
final class PipedInput implements ShellInput {
    private final BufferedReader in;

    PipedInput(BufferedReader in) {
        this.in = in;
    }

    @Override
    public Optional<String> readLine(String prompt, int maxLength) {
        try {
            StringBuilder line = new StringBuilder();
            int c = in.read();
            if (c < 0) {
                return Optional.empty();
            }
            while (c >= 0 && c != '\n' && c != '\r') {
                if (line.length() <= maxLength) {
                    line.append((char) c);
                }
                c = in.read();
            }
            if (c == '\r') {
                in.mark(1);
                if (in.read() != '\n') {
                    in.reset();
                }
            }
            return Optional.of(line.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
