package io.masscast.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The records' own invariants and their log-safe renderings. The loader's rules are in ConfigLoaderTest. */
class SettingsTest {
    private static final Secret BOT = Secret.of("xoxb-bot_s3cr3t");
    private static final Secret APP = Secret.of("xapp-app_s3cr3t");
    private static final Secret SIGNING = Secret.of("signing_s3cr3t");
    private static final Secret KEY = Secret.of("sk_sandbox_key_s3cr3t");

    @Nested
    class Slack {
        @Test
        void anAppTokenMeansSocketMode() {
            SlackSettings slack =
                    new SlackSettings(BOT, Optional.of(APP), Optional.empty(), SlackSettings.DEFAULT_API_URL);

            assertThat(slack.socketMode()).isTrue();
            assertThat(slack.httpMode()).isFalse();
            assertThat(slack.describe()).isEqualTo("Slack: Socket Mode, Web API at https://slack.com/api/");
        }

        @Test
        void aSigningSecretAloneMeansHttpMode() {
            SlackSettings slack =
                    new SlackSettings(BOT, Optional.empty(), Optional.of(SIGNING), SlackSettings.DEFAULT_API_URL);

            assertThat(slack.httpMode()).isTrue();
            assertThat(slack.describe())
                    .isEqualTo("Slack: HTTP mode (POST /slack/events), Web API at https://slack.com/api/");
        }

        @Test
        void socketModeWinsWhenBothAreGivenAndSaysSo() {
            SlackSettings slack =
                    new SlackSettings(BOT, Optional.of(APP), Optional.of(SIGNING), SlackSettings.DEFAULT_API_URL);

            assertThat(slack.socketMode()).isTrue();
            assertThat(slack.describe())
                    .contains("Socket Mode (SLACK_SIGNING_SECRET is set but only HTTP mode uses it)");
        }

        @Test
        void needsAWayToReceiveEvents() {
            assertThatThrownBy(() ->
                            new SlackSettings(BOT, Optional.empty(), Optional.empty(), SlackSettings.DEFAULT_API_URL))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void theApiUrlAlwaysEndsWithASlash() {
            SlackSettings slack =
                    new SlackSettings(BOT, Optional.of(APP), Optional.empty(), URI.create("http://127.0.0.1:8080/api"));

            assertThat(slack.apiUrl()).hasToString("http://127.0.0.1:8080/api/");
        }
    }

    @Nested
    class Discord {
        @Test
        void describesWhereCommandsAreRegistered() {
            assertThat(new DiscordSettings(BOT, OptionalLong.of(81384788765712384L)).describe())
                    .isEqualTo("Discord: commands registered on guild 81384788765712384");
            assertThat(new DiscordSettings(BOT, OptionalLong.empty()).describe())
                    .isEqualTo("Discord: commands registered globally");
        }

        @Test
        void aGuildIdIsPositive() {
            assertThatThrownBy(() -> new DiscordSettings(BOT, OptionalLong.of(0)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class OfAuth {
        @Test
        void liveNeedsAKey() {
            assertThatThrownBy(() -> new OfAuthSettings(
                            OfAuthMode.LIVE,
                            Optional.empty(),
                            OfAuthSettings.DEFAULT_BASE_URL,
                            60,
                            90,
                            Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void rateAndBurstArePositive() {
            assertThatThrownBy(() -> new OfAuthSettings(
                            OfAuthMode.SIMULATOR,
                            Optional.empty(),
                            OfAuthSettings.DEFAULT_BASE_URL,
                            60,
                            0,
                            Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void describesLiveModeAndASandboxKey() {
            OfAuthSettings ofAuth = new OfAuthSettings(
                    OfAuthMode.LIVE,
                    Optional.of(KEY),
                    URI.create("https://api.ofauth.com"),
                    60,
                    90,
                    Optional.of(SIGNING));

            assertThat(ofAuth.sandboxKey()).isTrue();
            assertThat(ofAuth.describe())
                    .isEqualTo("OFAuth: live at https://api.ofauth.com/ with a sandbox key;"
                            + " 60 calls/min per connection, burst 90; webhooks verified");
        }

        @Test
        void describesTheSimulatorAndAnUnusedKey() {
            OfAuthSettings ofAuth = new OfAuthSettings(
                    OfAuthMode.SIMULATOR, Optional.of(KEY), OfAuthSettings.DEFAULT_BASE_URL, 10, 5, Optional.empty());

            assertThat(ofAuth.describe())
                    .isEqualTo("OFAuth: built-in simulator (OFAUTH_API_KEY is set but not used);"
                            + " 10 calls/min per connection, burst 5; webhooks refused (no OFAUTH_WEBHOOK_SECRET)");
        }
    }

    @Nested
    class Database {
        @Test
        void knowsItsKind() {
            assertThat(new DatabaseSettings("jdbc:sqlite:masscast.db", Optional.empty(), Optional.empty()).kind())
                    .isEqualTo(DatabaseKind.SQLITE);
            assertThat(new DatabaseSettings("jdbc:postgresql://db/masscast", Optional.of("app"), Optional.of(SIGNING))
                            .kind())
                    .isEqualTo(DatabaseKind.POSTGRESQL);
        }

        @Test
        void sqliteTakesNoCredentials() {
            assertThatThrownBy(() -> new DatabaseSettings("jdbc:sqlite:x.db", Optional.empty(), Optional.of(SIGNING)))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void otherDatabasesAreRefused() {
            assertThatThrownBy(() -> new DatabaseSettings("jdbc:mysql://db/x", Optional.empty(), Optional.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void describeAndToStringHideAPasswordInTheUrl() {
            DatabaseSettings database = new DatabaseSettings(
                    "jdbc:postgresql://db:5432/masscast?password=pw_s3cr3t", Optional.of("app"), Optional.empty());

            assertThat(database.describe()).isEqualTo("database: postgresql //db:5432/masscast?password=**** as app");
            assertThat(database.toString()).doesNotContain("s3cr3t").contains("password=****");
            assertThat(database.url()).contains("pw_s3cr3t");
        }

        @Test
        void describesASqliteFile() {
            assertThat(new DatabaseSettings("jdbc:sqlite:masscast.db", Optional.empty(), Optional.empty()).describe())
                    .isEqualTo("database: sqlite masscast.db");
        }
    }

    @Test
    void anHttpPortIsInRange() {
        assertThatThrownBy(() -> new HttpSettings(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new HttpSettings(65_536)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new HttpSettings(65_535).describe()).isEqualTo("HTTP: port 65535");
    }

    @Test
    void adminsKeepTheirOrderAndCannotBeChanged() {
        AccessSettings access = new AccessSettings(new java.util.LinkedHashSet<>(List.of("U2", "U1", "42")));

        assertThat(access.adminIds()).containsExactly("U2", "U1", "42");
        assertThat(access.isAdmin("U1")).isTrue();
        assertThat(access.isAdmin("U3")).isFalse();
        assertThatThrownBy(() -> access.adminIds().add("U3")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(access.describe()).isEqualTo("admins: U2, U1, 42");
        assertThat(new AccessSettings(Set.of()).describe()).startsWith("admins: none");
    }

    @Test
    void theShellRunsWhenNoPlatformIsConfigured() {
        assertThat(config(Optional.empty(), Optional.empty()).adapters()).containsExactly(Adapter.SHELL);
    }

    @Test
    void slackAndDiscordRunSideBySide() {
        MasscastConfig config = config(
                Optional.of(new SlackSettings(BOT, Optional.of(APP), Optional.empty(), SlackSettings.DEFAULT_API_URL)),
                Optional.of(new DiscordSettings(BOT, OptionalLong.empty())));

        assertThat(config.adapters()).containsExactly(Adapter.SLACK, Adapter.DISCORD);
        assertThat(config.describe()).first().isEqualTo("adapters: Slack, Discord");
    }

    @Test
    void describeHasOneLinePerComponent() {
        assertThat(config(Optional.empty(), Optional.empty()).describe())
                .containsExactly(
                        "adapters: shell (no SLACK_BOT_TOKEN or DISCORD_BOT_TOKEN set)",
                        "OFAuth: built-in simulator; 60 calls/min per connection, burst 90; webhooks refused (no OFAUTH_WEBHOOK_SECRET)",
                        "database: sqlite masscast.db",
                        "HTTP: port 3000",
                        "admins: none (set MASSCAST_ADMINS so someone can bind channels and set policy)",
                        "leases: 10 s, renewed while working",
                        "stats: each connection polled every 1m, campaigns followed for 7 days after sending, buyer notes at"
                                + " most every 5m, sessions checked every 15m",
                        "logs: text on stderr");
    }

    private static MasscastConfig config(Optional<SlackSettings> slack, Optional<DiscordSettings> discord) {
        return new MasscastConfig(
                slack,
                discord,
                new OfAuthSettings(
                        OfAuthMode.SIMULATOR,
                        Optional.empty(),
                        OfAuthSettings.DEFAULT_BASE_URL,
                        60,
                        90,
                        Optional.empty()),
                new DatabaseSettings(DatabaseSettings.DEFAULT_URL, Optional.empty(), Optional.empty()),
                new HttpSettings(HttpSettings.DEFAULT_PORT),
                new AccessSettings(Set.of()),
                LeaseSettings.defaults(),
                StatsSettings.defaults(),
                LogFormat.TEXT);
    }
}
