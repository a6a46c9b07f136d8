package io.masscast.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jar's entry point in a separate JVM under {@code LANG=C}, as a user on a minimal system or in a container
 * would run it: what it prints is UTF-8 anyway, and with no terminal JLine stays out of the way.
 */
class MainEncodingTest {

    @Test
    void underLangCTheTerminalModePrintsUtf8AndNoTerminalWarnings(@TempDir Path folder) throws Exception {
        Path input = Files.writeString(
                folder.resolve("input.txt"),
                "/masscast new text=\"Weekend set 🔥 für dich\" lists=fans\n/masscast show MC-1\n",
                StandardCharsets.UTF_8);
        Path stdout = folder.resolve("stdout");
        Path stderr = folder.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(
                        javaBinary(), "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectInput(input.toFile())
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment()
                .keySet()
                .removeIf(name -> name.startsWith("SLACK_")
                        || name.startsWith("DISCORD_")
                        || name.startsWith("OFAUTH_")
                        || name.startsWith("MASSCAST_")
                        || name.startsWith("LC_"));
        builder.environment().put("LANG", "C");
        builder.environment().put("LC_ALL", "C");

        Process process = builder.start();
        assertThat(process.waitFor(90, TimeUnit.SECONDS))
                .as("masscast exits at the end of its input")
                .isTrue();

        String out = Files.readString(stdout, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(out).isZero();
        assertThat(out)
                .contains("masscast — terminal mode")
                .contains("│ Weekend set 🔥 für dich")
                .doesNotContain("?");
        assertThat(Files.readString(stderr, StandardCharsets.UTF_8))
                .doesNotContainIgnoringCase("jline")
                .doesNotContainIgnoringCase("terminal");
    }

    private static String javaBinary() throws IOException {
        return Path.of(System.getProperty("java.home"), "bin", "java" + (File.separatorChar == '\\' ? ".exe" : ""))
                .toString();
    }
}
