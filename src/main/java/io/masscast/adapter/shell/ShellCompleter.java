package io.masscast.adapter.shell;

import io.masscast.core.command.CommandRouter;
import io.masscast.core.policy.Fields;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/** Tab completion: the terminal's commands, then {@code /masscast}'s subcommands, then each subcommand's keys. */
final class ShellCompleter implements Completer {
    static final String MASSCAST = "/masscast";
    static final List<String> TERMINAL_COMMANDS = List.of(MASSCAST, "/as", "/wait", "/quit");

    private final CommandRouter router;

    ShellCompleter(CommandRouter router) {
        this.router = router;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        List<String> words = line.words();
        if (line.wordIndex() == 0) {
            TERMINAL_COMMANDS.forEach(command -> candidates.add(new Candidate(command)));
        } else if (words.get(0).equals(MASSCAST) && line.wordIndex() == 1) {
            router.commandNames().forEach(name -> candidates.add(new Candidate(name)));
        } else if (words.get(0).equals(MASSCAST)) {
            // a key is completed up to its "=", without the space that would end the argument; the variants' keys
            // only once split= makes the line an A/B test, so that "te" still completes to text=
            boolean test = words.stream().anyMatch(word -> word.startsWith(Fields.SPLIT + "="));
            router.keysOf(words.get(1)).stream()
                    .filter(key -> test || Fields.variantOf(key).isEmpty())
                    .forEach(key -> candidates.add(new Candidate(key + "=", key + "=", null, null, null, null, false)));
        }
    }
}
