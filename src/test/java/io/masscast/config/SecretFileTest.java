package io.masscast.config;

import static io.masscast.config.ConfigTestSupport.load;
import static io.masscast.config.ConfigTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretFileTest {
    @TempDir
    Path dir;

    @Test
    void aSecretIsReadFromTheFileAndTrimmed() throws IOException {
        Path file = write("bot-token", "xoxb-from_file_1\n");

        MasscastConfig config = load(
                "SLACK_BOT_TOKEN_FILE",
                file.toString(),
                "SLACK_APP_TOKEN",
                "xapp-app_1",
                "MASSCAST_OFAUTH",
                "simulator");

        assertThat(config.slack().orElseThrow().botToken().reveal()).isEqualTo("xoxb-from_file_1");
    }

    @Test
    void everySecretAcceptsAFile() throws IOException {
        MasscastConfig config = load(
                "OFAUTH_API_KEY_FILE", write("key", "sk_sandbox_1\r\n").toString(),
                "OFAUTH_WEBHOOK_SECRET_FILE", write("webhook", "whsec_1").toString(),
                "DISCORD_BOT_TOKEN_FILE", write("discord", "MTA5.discord_1\n").toString(),
                "MASSCAST_DB_URL", "jdbc:postgresql://db/masscast",
                "MASSCAST_DB_PASSWORD_FILE", write("db", "pw_1\n").toString());

        assertThat(config.ofAuth().apiKey()).contains(Secret.of("sk_sandbox_1"));
        assertThat(config.ofAuth().webhookSecret()).contains(Secret.of("whsec_1"));
        assertThat(config.discord().orElseThrow().botToken()).isEqualTo(Secret.of("MTA5.discord_1"));
        assertThat(config.database().password()).contains(Secret.of("pw_1"));
    }

    @Test
    void aSecretAndItsFileTogetherAreRefused() throws IOException {
        assertThat(problems(
                        "OFAUTH_API_KEY",
                        "sk_1",
                        "OFAUTH_API_KEY_FILE",
                        write("key", "sk_2").toString()))
                .containsExactly("Both OFAUTH_API_KEY and OFAUTH_API_KEY_FILE are set: keep one of them"
                        + " (OFAUTH_API_KEY_FILE names a file that holds the value).");
    }

    @Test
    void aMissingFileIsNamed() {
        Path missing = dir.resolve("nope");

        assertThat(problems("OFAUTH_API_KEY_FILE", missing.toString()))
                .containsExactly("OFAUTH_API_KEY_FILE names " + missing
                        + ", which does not exist: check the path, and that the secret"
                        + " is mounted where masscast runs.");
    }

    @Test
    void aDirectoryIsNotAFile() {
        assertThat(problems("OFAUTH_API_KEY_FILE", dir.toString()))
                .containsExactly("OFAUTH_API_KEY_FILE names " + dir
                        + ", which is a directory: point it at the file that holds the value.");
    }

    @Test
    void anEmptyFileIsRefused() throws IOException {
        Path empty = write("empty", " \n\n");

        assertThat(problems("OFAUTH_API_KEY_FILE", empty.toString()))
                .containsExactly("OFAUTH_API_KEY_FILE names " + empty + ", which is empty: put the value in the file.");
    }

    @Test
    void aFileWithSeveralLinesIsRefused() throws IOException {
        Path envFile = write("env", "SLACK_BOT_TOKEN=xoxb-1\nSLACK_APP_TOKEN=xapp-1\n");

        assertThat(problems(
                        "SLACK_BOT_TOKEN_FILE",
                        envFile.toString(),
                        "SLACK_APP_TOKEN",
                        "xapp-1",
                        "MASSCAST_OFAUTH",
                        "simulator"))
                .containsExactly(
                        "SLACK_BOT_TOKEN (read from SLACK_BOT_TOKEN_FILE) holds more than one line: it must hold the secret alone.");
    }

    @Test
    void aProblemWithTheContentNamesTheFileVariable() throws IOException {
        Path quoted = write("quoted", "'xoxb-1'\n");

        assertThat(problems(
                        "SLACK_BOT_TOKEN_FILE",
                        quoted.toString(),
                        "SLACK_APP_TOKEN",
                        "xapp-1",
                        "MASSCAST_OFAUTH",
                        "simulator"))
                .singleElement()
                .asString()
                .startsWith("SLACK_BOT_TOKEN (read from SLACK_BOT_TOKEN_FILE) is wrapped in quotes");
    }

    @Test
    void anUnreadableFileIsNamed() throws IOException {
        Path locked = write("locked", "sk_1");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(locked), "running as a user who can read any file (root)");

        assertThat(problems("OFAUTH_API_KEY_FILE", locked.toString()))
                .containsExactly("OFAUTH_API_KEY_FILE names " + locked
                        + ", which masscast may not read: check the file's owner and permissions.");
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws IOException {
        Path binary = dir.resolve("binary");
        Files.write(binary, new byte[] {(byte) 0xC3, (byte) 0x28, 0x41});

        assertThat(problems("OFAUTH_API_KEY_FILE", binary.toString()))
                .containsExactly("OFAUTH_API_KEY_FILE names " + binary
                        + ", which is not UTF-8 text: save the value as plain text.");
    }

    @Test
    void aHugeFileIsRefusedUnread() throws IOException {
        Path huge = write("huge", "x".repeat(64 * 1024 + 1));

        assertThat(problems("OFAUTH_API_KEY_FILE", huge.toString()))
                .containsExactly("OFAUTH_API_KEY_FILE names " + huge
                        + ", which is larger than 64 KiB: it should hold the secret alone.");
    }

    @Test
    void anUnreadableFileStillCountsAsSet() {
        // A broken SLACK_BOT_TOKEN_FILE must not also be reported as "no bot token" for the app token.
        assertThat(problems(
                        "SLACK_BOT_TOKEN_FILE",
                        dir.resolve("nope").toString(),
                        "SLACK_APP_TOKEN",
                        "xapp-1",
                        "MASSCAST_OFAUTH",
                        "simulator"))
                .singleElement()
                .asString()
                .startsWith("SLACK_BOT_TOKEN_FILE names ");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
