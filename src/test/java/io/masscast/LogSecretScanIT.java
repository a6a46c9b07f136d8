package io.masscast;

import static org.assertj.core.api.Assertions.assertThat;

import io.masscast.testing.LogScanner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs after every other test of the build (unit tests, then the crash test's masscast processes): everything
 * they logged — masscast at DEBUG, libraries at their production levels, see {@code logback-test.xml} — holds
 * no API key, token, signing secret or message text. The secrets and texts to look for are harvested from the
 * test sources themselves, so a new test's values are covered without a list to keep up to date.
 */
class LogSecretScanIT {

    @Test
    void nothingLoggedDuringTheBuildHoldsASecretOrAMessageText() throws IOException {
        Path logs = Path.of(System.getProperty("masscast.test.logs", "target/test-logs"));
        Path sources = Path.of(System.getProperty("masscast.test.sources", "src/test/java"));
        LogScanner scanner = new LogScanner()
                .harvest(sources)
                .text(" is up, unlock it now"); // the crash test's texts: "Crash drop #n is up, unlock it now"

        assertThat(logs.resolve("unit-tests.log")).as("the unit tests' log").exists();
        assertThat(lineCount(logs)).as("lines logged during the build").isGreaterThan(1_000);
        assertThat(scanner.secrets()).as("secrets harvested from the tests").hasSizeGreaterThan(20);
        assertThat(scanner.texts()).as("message texts harvested from the tests").hasSizeGreaterThan(25);
        assertThat(scanner.scanFolder(logs)).as("findings in %s", logs).isEmpty();
    }

    private static long lineCount(Path logs) throws IOException {
        long lines = 0;
        try (Stream<Path> files = Files.list(logs)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".log")).toList()) {
                try (Stream<String> content = Files.lines(file)) {
                    lines += content.count();
                }
            }
        }
        return lines;
    }
}
