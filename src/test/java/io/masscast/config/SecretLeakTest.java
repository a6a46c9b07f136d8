package io.masscast.config;

import static io.masscast.config.ConfigTestSupport.env;
import static io.masscast.config.ConfigTestSupport.failure;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every secret below contains {@value #MARK}; nothing masscast renders from its configuration
 * (toString, describe, error messages) may contain it.
 */
class SecretLeakTest {
    private static final String MARK = "s3cr3t";
    private static final String BOT = "xoxb-bot_s3cr3t_A";
    private static final String APP = "xapp-app_s3cr3t_B";
    private static final String SIGNING = "signing_s3cr3t_C";
    // Real Discord tokens are three base64url parts, about 70 characters in all.
    private static final String DISCORD = "MTA5ODc2NTQzMjEwOTg3NjU0MzI.GdBcDe.discord_s3cr3t_D_0123456789abcdefgh";
    private static final String KEY = "sk_live_key_s3cr3t_E";
    private static final String WEBHOOK = "whsec_hook_s3cr3t_F";
    private static final String DB_PASSWORD = "db_s3cr3t_G";

    @TempDir
    static Path dir;

    @Test
    void aFullConfigRendersNoSecret() {
        MasscastConfig config = ConfigLoader.load(env(
                "SLACK_BOT_TOKEN",
                BOT,
                "SLACK_APP_TOKEN",
                APP,
                "SLACK_SIGNING_SECRET",
                SIGNING,
                "DISCORD_BOT_TOKEN",
                DISCORD,
                "DISCORD_GUILD_ID",
                "81384788765712384",
                "OFAUTH_API_KEY",
                KEY,
                "OFAUTH_WEBHOOK_SECRET",
                WEBHOOK,
                "MASSCAST_DB_URL",
                "jdbc:postgresql://db/masscast?sslpassword=ssl_s3cr3t_H",
                "MASSCAST_DB_USER",
                "app",
                "MASSCAST_DB_PASSWORD",
                DB_PASSWORD));

        List<Object> rendered = new ArrayList<>(List.of(
                config,
                config.describe(),
                config.ofAuth(),
                config.database(),
                config.slack().orElseThrow(),
                config.discord().orElseThrow()));
        assertThat(rendered)
                .allSatisfy(shown -> assertThat(String.valueOf(shown)).doesNotContain(MARK));
        assertThat(config.slack().orElseThrow().botToken().reveal())
                .as("the values are still there")
                .isEqualTo(BOT);
    }

    @Test
    void aPasswordInTheUserInfoOfTheDatabaseUrlIsNotRendered() {
        MasscastConfig config =
                ConfigLoader.load(env("MASSCAST_DB_URL", "jdbc:postgresql://app:pw_s3cr3t_I@db/masscast"));

        assertThat(config.toString()).doesNotContain(MARK);
        assertThat(config.describe()).allSatisfy(line -> assertThat(line).doesNotContain(MARK));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenEnvironments")
    void noErrorMessageContainsASecret(String mistake, Map<String, String> env) {
        ConfigException e = failure(env);

        assertThat(e.getMessage()).doesNotContain(MARK);
        assertThat(e.problems())
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem).doesNotContain(MARK));
    }

    static Stream<Arguments> brokenEnvironments() throws IOException {
        return Stream.of(
                broken("bot token alone", "SLACK_BOT_TOKEN", BOT, "OFAUTH_API_KEY", KEY),
                broken("app token alone", "SLACK_APP_TOKEN", APP, "SLACK_SIGNING_SECRET", SIGNING),
                broken("swapped Slack tokens", "SLACK_BOT_TOKEN", APP, "SLACK_APP_TOKEN", BOT, "OFAUTH_API_KEY", KEY),
                broken("app token as bot token", "SLACK_BOT_TOKEN", APP, "SLACK_SIGNING_SECRET", SIGNING),
                broken("unknown bot token shape", "SLACK_BOT_TOKEN", DISCORD, "SLACK_APP_TOKEN", APP),
                broken("bot token as signing secret", "SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", BOT),
                broken("quoted token", "SLACK_BOT_TOKEN", "\"" + BOT + "\"", "SLACK_APP_TOKEN", APP),
                broken("Bearer prefix", "SLACK_BOT_TOKEN", "Bearer " + BOT, "SLACK_APP_TOKEN", APP),
                broken("space in token", "OFAUTH_API_KEY", KEY + " " + KEY),
                broken("multi-line token", "OFAUTH_WEBHOOK_SECRET", WEBHOOK + "\n" + WEBHOOK),
                broken("Bot prefix", "DISCORD_BOT_TOKEN", "Bot " + DISCORD),
                broken("Slack token for Discord", "DISCORD_BOT_TOKEN", BOT, "OFAUTH_API_KEY", KEY),
                broken(
                        "platform without key",
                        "DISCORD_BOT_TOKEN",
                        DISCORD,
                        "SLACK_BOT_TOKEN",
                        BOT,
                        "SLACK_APP_TOKEN",
                        APP),
                broken("secret and file", "OFAUTH_API_KEY", KEY, "OFAUTH_API_KEY_FILE", file("key", KEY)),
                broken("file with several lines", "OFAUTH_API_KEY_FILE", file("lines", KEY + "\n" + WEBHOOK)),
                broken("file with wrong token", "SLACK_BOT_TOKEN_FILE", file("app", APP), "SLACK_APP_TOKEN", APP),
                broken("sqlite with password", "MASSCAST_DB_PASSWORD", DB_PASSWORD),
                broken(
                        "password twice",
                        "MASSCAST_DB_URL",
                        "jdbc:postgresql://db/x?password=" + DB_PASSWORD,
                        "MASSCAST_DB_PASSWORD",
                        DB_PASSWORD),
                broken("libpq URL", "MASSCAST_DB_URL", "postgres://app:" + DB_PASSWORD + "@db/masscast"),
                broken("unknown JDBC URL", "MASSCAST_DB_URL", "jdbc:mysql://app:" + DB_PASSWORD + "@db/masscast"),
                broken("credentials in the OFAuth URL", "OFAUTH_BASE_URL", "https://me:" + KEY + "@api.ofauth.com"),
                broken("token in a guild id", "DISCORD_GUILD_ID", BOT),
                broken("token in the admins", "MASSCAST_ADMINS", "U1," + BOT),
                broken("key in the mode", "MASSCAST_OFAUTH", KEY),
                broken("token in the port", "MASSCAST_HTTP_PORT", DISCORD),
                broken("token in a misspelled name", "SLACK_BOT_TOKN", BOT));
    }

    private static Arguments broken(String mistake, String... namesAndValues) {
        return Arguments.of(mistake, new HashMap<>(env(namesAndValues)));
    }

    private static String file(String name, String content) throws IOException {
        return Files.writeString(Files.createTempFile(dir, name, ""), content).toString();
    }
}
