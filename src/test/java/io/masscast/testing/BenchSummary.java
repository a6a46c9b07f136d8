package io.masscast.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The summary table of a benchmark run: every {@code TARGET} line of the reports in the folder given (the harnesses'
 * {@code target/bench/*.txt}), as figure, measured, target and met or missed, in a Markdown table.
 */
public final class BenchSummary {
    private BenchSummary() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/bench");
        List<String[]> rows = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                for (String line : Files.readAllLines(file)) {
                    if (line.startsWith("TARGET ")) {
                        rows.add(line.substring("TARGET ".length()).split(" \\| ", -1));
                    }
                }
            }
        }
        rows.sort((a, b) -> a[0].compareTo(b[0]));
        List<String> table = new ArrayList<>(List.of("| figure | measured | target | |", "|---|---|---|---|"));
        rows.forEach(row -> table.add("| " + String.join(" | ", row) + " |"));
        table.forEach(System.out::println);
        Files.write(folder.resolve("summary.md"), table);
    }
}
