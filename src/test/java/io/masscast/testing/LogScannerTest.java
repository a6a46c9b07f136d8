package io.masscast.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The log scan can fail: a planted secret or message text in a log is found, a clean log passes. */
class LogScannerTest {
    @TempDir
    Path folder;

    private Path log(String... lines) throws IOException {
        Path file = folder.resolve("planted.log");
        Files.write(file, List.of(lines), StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aPlantedApiKeyTokenOrTextIsFoundAndReportedMasked() throws IOException {
        LogScanner scanner = new LogScanner().secret("test-signing-secret").text("New set is up 🔥 unlock now");
        log(
                "10:00:00.000 INFO  [main] io.masscast.jobs.SubmitterJob - MC-1 accepted by OFAuth as message 77",
                "10:00:00.001 WARN  [main] io.masscast.ofauth.OfAuthClient - retrying with apiKey sk_sim_demo_0000000000000000",
                "10:00:00.002 INFO  [main] io.masscast.adapter.slack.SlackAdapter - token xoxb-bot_s3cr3t_A",
                "10:00:00.003 INFO  [main] x - signature over test-signing-secret",
                "10:00:00.004 INFO  [main] x - card: New set is up 🔥 unlock now");

        List<LogScanner.Finding> findings = scanner.scanFolder(folder);

        assertThat(findings).extracting(LogScanner.Finding::line).containsExactly(2, 3, 4, 5);
        assertThat(findings)
                .extracting(Object::toString)
                .containsExactly(
                        "planted.log:2: a credential-shaped value sk_s… (28 characters)",
                        "planted.log:3: a credential-shaped value xoxb… (17 characters)",
                        "planted.log:4: a secret of the tests test… (19 characters)",
                        "planted.log:5: a message text \"New … (27 characters)\"");
    }

    @Test
    void aCleanLogPasses() throws IOException {
        log("10:00:00.000 INFO  [main] io.masscast.jobs.SubmitterJob - MC-1 accepted by OFAuth as message 77");

        assertThat(new LogScanner()
                        .secret("test-signing-secret")
                        .text("New set is up 🔥")
                        .scanFolder(folder))
                .isEmpty();
    }

    @Test
    void secretsAndTextsAreHarvestedFromTestSources() {
        LogScanner scanner = new LogScanner();

        scanner.harvestSource("""
                static final String SIGNING_SECRET = "test-signing-secret";
                static final String API_KEY = "sk_sandbox_wire_test_SECRET_4242";
                pipeline.run(ALICE, "new text=\\"New set is up 🔥\\" lists=fans");
                wire.enqueue(200, "{\\"text\\": \\"x\\"}");
                String json = \"""
                        {"text": "Weekend bundle for you", "price": 12.5}\""";
                draft().text("Another text to send").build();
                new MessageContent("Constructed message text", true, false, List.of(), 0, BigDecimal.ZERO);
                static final String TRICKY_TEXT = "Hi babe, it's me 😘";
                """);

        assertThat(scanner.secrets()).contains("test-signing-secret", "sk_sandbox_wire_test_SECRET_4242");
        assertThat(scanner.texts())
                .contains(
                        "New set is up 🔥",
                        "Weekend bundle for you",
                        "Another text to send",
                        "Constructed message text",
                        "Hi babe, it's me 😘")
                .doesNotContain("x");
    }
}
