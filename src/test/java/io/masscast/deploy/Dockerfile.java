package io.masscast.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The top-level Dockerfile read as a list of build stages, each a list of instructions. Enough of the format
 * for the checks in {@link DockerfileTest}: comments, line continuations and {@code FROM ... AS name}.
 */
record Dockerfile(List<Stage> stages) {

    record Instruction(String keyword, String arguments) {}

    record Stage(String from, Optional<String> name, List<Instruction> instructions) {

        List<String> all(String keyword) {
            return instructions.stream()
                    .filter(i -> i.keyword().equals(keyword))
                    .map(Instruction::arguments)
                    .toList();
        }

        Optional<String> last(String keyword) {
            List<String> found = all(keyword);
            return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
        }
    }

    static Dockerfile read(Path file) throws IOException {
        List<Stage> stages = new ArrayList<>();
        List<Instruction> current = null;
        for (String line : logicalLines(Files.readAllLines(file))) {
            int space = line.indexOf(' ');
            String keyword = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
            String arguments = space < 0 ? "" : line.substring(space + 1).strip();
            if (keyword.equals("FROM")) {
                String[] words = arguments.split("\\s+");
                Optional<String> name =
                        words.length == 3 && words[1].equalsIgnoreCase("AS") ? Optional.of(words[2]) : Optional.empty();
                current = new ArrayList<>();
                stages.add(new Stage(words[0], name, current));
            } else if (current != null) {
                current.add(new Instruction(keyword, arguments));
            } else {
                throw new IllegalStateException("instruction before the first FROM: " + line);
            }
        }
        return new Dockerfile(List.copyOf(stages));
    }

    Stage runtime() {
        return stages.get(stages.size() - 1);
    }

    Stage stage(String name) {
        return stages.stream()
                .filter(s -> s.name().filter(name::equals).isPresent())
                .findFirst()
                .orElseThrow();
    }

    /** Joins continued lines ({@code \} at the end) and drops comments and blank lines. */
    private static List<String> logicalLines(List<String> physical) {
        List<String> lines = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        for (String raw : physical) {
            String line = raw.strip();
            if (line.startsWith("#") || (line.isEmpty() && pending.isEmpty())) {
                continue;
            }
            if (line.endsWith("\\")) {
                pending.append(line, 0, line.length() - 1).append(' ');
                continue;
            }
            pending.append(line);
            lines.add(pending.toString().replaceAll("\\s+", " ").strip());
            pending.setLength(0);
        }
        return lines;
    }
}
