package io.masscast.config;

import static io.masscast.config.ConfigTestSupport.env;
import static io.masscast.config.ConfigTestSupport.failure;
import static io.masscast.config.ConfigTestSupport.load;
import static io.masscast.config.ConfigTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigLoaderTest {
    private static final String BOT = "xoxb-bot_token_1";
    private static final String APP = "xapp-app_token_1";
    private static final String KEY = "sk_sandbox_key_1";

    @Nested
    class Defaults {
        @Test
        void anEmptyEnvironmentRunsTheShellOnTheSimulatorAndSqlite() {
            MasscastConfig config = load();

            assertThat(config.adapters()).containsExactly(Adapter.SHELL);
            assertThat(config.slack()).isEmpty();
            assertThat(config.discord()).isEmpty();
            assertThat(config.ofAuth())
                    .isEqualTo(new OfAuthSettings(
                            OfAuthMode.SIMULATOR,
                            Optional.empty(),
                            URI.create("https://api.ofauth.com/"),
                            60,
                            90,
                            Optional.empty()));
            assertThat(config.database())
                    .isEqualTo(new DatabaseSettings("jdbc:sqlite:masscast.db", Optional.empty(), Optional.empty()));
            assertThat(config.http().port()).isEqualTo(3000);
            assertThat(config.access().adminIds()).isEmpty();
        }

        @Test
        void blankValuesCountAsUnset() {
            assertThat(load("SLACK_BOT_TOKEN", "", "MASSCAST_HTTP_PORT", "  ", "MASSCAST_DB_URL", "")
                            .adapters())
                    .containsExactly(Adapter.SHELL);
        }

        @Test
        void valuesAreStrippedOfSurroundingWhitespace() {
            MasscastConfig config = load(
                    "MASSCAST_HTTP_PORT",
                    " 8080\n",
                    "SLACK_BOT_TOKEN",
                    BOT + "\n",
                    "SLACK_APP_TOKEN",
                    APP,
                    "MASSCAST_OFAUTH",
                    "simulator");

            assertThat(config.http().port()).isEqualTo(8080);
            assertThat(config.slack().orElseThrow().botToken().reveal()).isEqualTo(BOT);
        }

        @Test
        void problemsAreAllReportedAtOnce() {
            ConfigException e = failure(env(
                    "MASSCAST_HTTP_PORT", "http", "MASSCAST_OFAUTH", "real", "MASSCAST_DB_URL", "jdbc:mysql://db/x"));

            assertThat(e.problems()).hasSize(3);
            assertThat(e.getMessage())
                    .startsWith("masscast cannot start: 3 configuration problems" + System.lineSeparator() + "  - ")
                    .contains("MASSCAST_HTTP_PORT", "MASSCAST_OFAUTH", "MASSCAST_DB_URL");
        }
    }

    @Nested
    class Slack {
        @Test
        void aBotAndAnAppTokenRunSocketMode() {
            SlackSettings slack = load("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP, "OFAUTH_API_KEY", KEY)
                    .slack()
                    .orElseThrow();

            assertThat(slack.socketMode()).isTrue();
            assertThat(slack.botToken().reveal()).isEqualTo(BOT);
            assertThat(slack.appToken()).contains(Secret.of(APP));
            assertThat(slack.apiUrl()).isEqualTo(URI.create("https://slack.com/api/"));
        }

        @Test
        void aBotTokenAndASigningSecretRunHttpMode() {
            MasscastConfig config =
                    load("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", "0123abcd", "OFAUTH_API_KEY", KEY);

            assertThat(config.adapters()).containsExactly(Adapter.SLACK);
            assertThat(config.slack().orElseThrow().httpMode()).isTrue();
        }

        @Test
        void theApiUrlCanPointElsewhereAndGainsATrailingSlash() {
            SlackSettings slack = load(
                            "SLACK_BOT_TOKEN",
                            BOT,
                            "SLACK_APP_TOKEN",
                            APP,
                            "OFAUTH_API_KEY",
                            KEY,
                            "MASSCAST_SLACK_API_URL",
                            "http://127.0.0.1:9000/api")
                    .slack()
                    .orElseThrow();

            assertThat(slack.apiUrl()).isEqualTo(URI.create("http://127.0.0.1:9000/api/"));
        }

        @Test
        void aBotTokenAloneNamesBothWaysToReceiveEvents() {
            assertThat(problems("SLACK_BOT_TOKEN", BOT, "OFAUTH_API_KEY", KEY))
                    .containsExactly(
                            "SLACK_BOT_TOKEN is set but Slack has no way to send masscast events: set SLACK_APP_TOKEN (xapp-…)"
                                    + " for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode (requests to POST /slack/events).");
        }

        @Test
        void anAppTokenWithoutABotTokenAsksForTheBotToken() {
            assertThat(problems("SLACK_APP_TOKEN", APP))
                    .containsExactly(
                            "SLACK_APP_TOKEN is set but SLACK_BOT_TOKEN is not: Slack needs the bot token (xoxb-…, under OAuth"
                                    + " & Permissions). Set SLACK_BOT_TOKEN, or unset SLACK_APP_TOKEN to run without Slack.");
        }

        @Test
        void everyStraySlackSettingIsNamed() {
            assertThat(problems("SLACK_SIGNING_SECRET", "abc", "MASSCAST_SLACK_API_URL", "http://localhost/api/"))
                    .singleElement()
                    .asString()
                    .startsWith("SLACK_SIGNING_SECRET and MASSCAST_SLACK_API_URL are set but SLACK_BOT_TOKEN is not");
        }

        @Test
        void aUserTokenIsNotABotToken() {
            assertThat(problems("SLACK_BOT_TOKEN", "xoxp-user_1", "SLACK_APP_TOKEN", APP, "OFAUTH_API_KEY", KEY))
                    .containsExactly("SLACK_BOT_TOKEN holds a user token (xoxp-…), not a Slack bot token: use the Bot"
                            + " User OAuth Token (xoxb-…) under OAuth & Permissions.");
        }

        @Test
        void anUnknownShapeIsNotABotToken() {
            assertThat(problems("SLACK_BOT_TOKEN", "MTA5.discord.like", "SLACK_APP_TOKEN", APP, "OFAUTH_API_KEY", KEY))
                    .containsExactly("SLACK_BOT_TOKEN does not look like a Slack bot token: use the Bot User OAuth"
                            + " Token (xoxb-…) under OAuth & Permissions.");
        }

        @Test
        void anAppTokenInTheBotTokenSaysWhereItBelongs() {
            assertThat(problems("SLACK_BOT_TOKEN", APP, "SLACK_SIGNING_SECRET", "abc", "OFAUTH_API_KEY", KEY))
                    .singleElement()
                    .asString()
                    .startsWith("SLACK_BOT_TOKEN holds an app-level token (xapp-…), not a Slack bot token")
                    .endsWith("; the xapp- token belongs in SLACK_APP_TOKEN.");
        }

        @Test
        void aBotTokenInTheAppTokenSaysWhereItBelongs() {
            assertThat(problems("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xoxb-other_1", "OFAUTH_API_KEY", KEY))
                    .containsExactly("SLACK_APP_TOKEN holds a bot token (xoxb-…), not a Slack app-level token: create"
                            + " an app-level token (xapp-…) with the connections:write scope under Basic Information →"
                            + " App-Level Tokens; the xoxb- token belongs in SLACK_BOT_TOKEN.");
        }

        @Test
        void swappedTokensAreOneProblem() {
            assertThat(problems("SLACK_BOT_TOKEN", APP, "SLACK_APP_TOKEN", BOT, "OFAUTH_API_KEY", KEY))
                    .containsExactly(
                            "SLACK_BOT_TOKEN and SLACK_APP_TOKEN are swapped: SLACK_BOT_TOKEN holds the"
                                    + " app-level token (xapp-…) and SLACK_APP_TOKEN the bot token (xoxb-…). Exchange their values.");
        }

        @Test
        void aRotatingTokenIsRefused() {
            assertThat(problems("SLACK_BOT_TOKEN", "xoxe.xoxb-1", "SLACK_APP_TOKEN", APP, "OFAUTH_API_KEY", KEY))
                    .singleElement()
                    .asString()
                    .startsWith("SLACK_BOT_TOKEN holds a rotating token (xoxe…), which masscast does not refresh");
        }

        @Test
        void aTokenInTheSigningSecretIsRefused() {
            assertThat(problems("SLACK_BOT_TOKEN", BOT, "SLACK_SIGNING_SECRET", BOT, "OFAUTH_API_KEY", KEY))
                    .containsExactly("SLACK_SIGNING_SECRET holds a bot token (xoxb-…), not a signing secret: copy the"
                            + " Signing Secret under Basic Information → App Credentials.");
        }

        @Test
        void quotesAroundATokenAreRefused() {
            assertThat(problems("SLACK_BOT_TOKEN", "\"" + BOT + "\"", "SLACK_APP_TOKEN", APP, "OFAUTH_API_KEY", KEY))
                    .containsExactly("SLACK_BOT_TOKEN is wrapped in quotes: remove them (docker run --env-file and"
                            + " some .env loaders keep quotes as part of the value).");
        }

        @Test
        void anAuthorizationSchemeBeforeATokenIsRefused() {
            assertThat(problems("SLACK_BOT_TOKEN", "Bearer " + BOT, "SLACK_APP_TOKEN", APP, "OFAUTH_API_KEY", KEY))
                    .containsExactly("SLACK_BOT_TOKEN starts with 'Bearer ': set the token alone; masscast adds that"
                            + " prefix itself.");
        }

        @Test
        void aSpaceInsideATokenIsRefused() {
            assertThat(problems("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", "xapp-1 xapp-2", "OFAUTH_API_KEY", KEY))
                    .containsExactly("SLACK_APP_TOKEN contains a space: it must hold the token alone.");
        }

        @Test
        void theApiUrlMustBeHttp() {
            assertThat(problems(
                            "SLACK_BOT_TOKEN",
                            BOT,
                            "SLACK_APP_TOKEN",
                            APP,
                            "OFAUTH_API_KEY",
                            KEY,
                            "MASSCAST_SLACK_API_URL",
                            "slack.com/api"))
                    .containsExactly(
                            "MASSCAST_SLACK_API_URL must start with http:// or https://, for example https://slack.com/api/"
                                    + " (got 'slack.com/api').");
        }
    }

    @Nested
    class Discord {
        @Test
        void aBotTokenEnablesDiscordWithGlobalCommands() {
            MasscastConfig config = load("DISCORD_BOT_TOKEN", "MTA5.discord_1", "OFAUTH_API_KEY", KEY);

            assertThat(config.adapters()).containsExactly(Adapter.DISCORD);
            assertThat(config.discord().orElseThrow().guildId()).isEmpty();
        }

        @Test
        void aGuildIdRegistersCommandsThere() {
            DiscordSettings discord = load(
                            "DISCORD_BOT_TOKEN",
                            "MTA5.discord_1",
                            "DISCORD_GUILD_ID",
                            "81384788765712384",
                            "MASSCAST_OFAUTH",
                            "simulator")
                    .discord()
                    .orElseThrow();

            assertThat(discord.guildId()).isEqualTo(OptionalLong.of(81384788765712384L));
        }

        @Test
        void aGuildIdWithoutATokenAsksForTheToken() {
            assertThat(problems("DISCORD_GUILD_ID", "81384788765712384"))
                    .containsExactly(
                            "DISCORD_GUILD_ID is set but DISCORD_BOT_TOKEN is not: set DISCORD_BOT_TOKEN (Developer Portal →"
                                    + " your application → Bot → Reset Token) to enable Discord, or unset DISCORD_GUILD_ID.");
        }

        @ParameterizedTest
        @ValueSource(strings = {"my-server", "-5", "0", "9999999999999999999", "12345678901234567890"})
        void aGuildIdIsAPositiveNumber(String guildId) {
            assertThat(problems(
                            "DISCORD_BOT_TOKEN", "MTA5.discord_1", "DISCORD_GUILD_ID", guildId, "OFAUTH_API_KEY", KEY))
                    .containsExactly("DISCORD_GUILD_ID must be the numeric id of a Discord server (got '" + guildId
                            + "'): turn on Developer Mode, right-click the server and choose Copy Server ID.");
        }

        @Test
        void theBotPrefixIsRefused() {
            assertThat(problems("DISCORD_BOT_TOKEN", "Bot MTA5.discord_1", "OFAUTH_API_KEY", KEY))
                    .containsExactly(
                            "DISCORD_BOT_TOKEN starts with 'Bot ': set the token alone; masscast adds that prefix itself.");
        }

        @Test
        void aSlackTokenIsRefused() {
            assertThat(problems("DISCORD_BOT_TOKEN", BOT, "OFAUTH_API_KEY", KEY))
                    .containsExactly(
                            "DISCORD_BOT_TOKEN holds a Slack token, not a Discord bot token: use the bot token from the"
                                    + " Discord Developer Portal → your application → Bot.");
        }
    }

    @Nested
    class OfAuth {
        @Test
        void aKeyMeansLive() {
            OfAuthSettings ofAuth = load("OFAUTH_API_KEY", KEY, "OFAUTH_WEBHOOK_SECRET", "whsec_abc")
                    .ofAuth();

            assertThat(ofAuth.mode()).isEqualTo(OfAuthMode.LIVE);
            assertThat(ofAuth.apiKey()).contains(Secret.of(KEY));
            assertThat(ofAuth.webhookSecret()).contains(Secret.of("whsec_abc"));
        }

        @Test
        void theSimulatorCanBeChosenWithAKey() {
            assertThat(load("OFAUTH_API_KEY", KEY, "MASSCAST_OFAUTH", "simulator")
                            .ofAuth()
                            .mode())
                    .isEqualTo(OfAuthMode.SIMULATOR);
        }

        @Test
        void theModeIgnoresCase() {
            assertThat(load("OFAUTH_API_KEY", KEY, "MASSCAST_OFAUTH", "LIVE")
                            .ofAuth()
                            .mode())
                    .isEqualTo(OfAuthMode.LIVE);
        }

        @Test
        void aPlatformMayRunOnTheSimulatorWhenAskedTo() {
            MasscastConfig config =
                    load("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP, "MASSCAST_OFAUTH", "simulator");

            assertThat(config.adapters()).containsExactly(Adapter.SLACK);
            assertThat(config.ofAuth().mode()).isEqualTo(OfAuthMode.SIMULATOR);
        }

        @Test
        void aPlatformWithoutAKeyOffersTheSimulator() {
            assertThat(problems("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP))
                    .containsExactly(
                            "SLACK_BOT_TOKEN is set but OFAUTH_API_KEY is not: set OFAUTH_API_KEY to send through OFAuth, or"
                                    + " set MASSCAST_OFAUTH=simulator to try masscast on its built-in OFAuth simulator (nothing"
                                    + " reaches OnlyFans).");
            assertThat(problems("SLACK_BOT_TOKEN", BOT, "SLACK_APP_TOKEN", APP, "DISCORD_BOT_TOKEN", "MTA5.discord_1"))
                    .singleElement()
                    .asString()
                    .startsWith("SLACK_BOT_TOKEN and DISCORD_BOT_TOKEN are set but OFAUTH_API_KEY is not");
        }

        @Test
        void liveWithoutAKeyIsRefused() {
            assertThat(problems("MASSCAST_OFAUTH", "live"))
                    .containsExactly(
                            "MASSCAST_OFAUTH is live but OFAUTH_API_KEY is not set: set OFAUTH_API_KEY (or OFAUTH_API_KEY_FILE)"
                                    + " to the key from the OFAuth dashboard, or set MASSCAST_OFAUTH=simulator.");
        }

        @Test
        void anUnknownModeIsRefused() {
            assertThat(problems("MASSCAST_OFAUTH", "sandbox"))
                    .containsExactly(
                            "MASSCAST_OFAUTH must be live or simulator (got 'sandbox'); leave it unset to use live when"
                                    + " OFAUTH_API_KEY is set and the simulator otherwise.");
        }

        @Test
        void theBaseUrlCanChange() {
            assertThat(load("OFAUTH_API_KEY", KEY, "OFAUTH_BASE_URL", "https://api-next.ofauth.com")
                            .ofAuth()
                            .baseUrl())
                    .isEqualTo(URI.create("https://api-next.ofauth.com/"));
        }

        @Test
        void theBaseUrlMustBeHttp() {
            assertThat(problems("OFAUTH_BASE_URL", "api.ofauth.com"))
                    .containsExactly(
                            "OFAUTH_BASE_URL must start with http:// or https://, for example https://api.ofauth.com/"
                                    + " (got 'api.ofauth.com').");
            assertThat(problems("OFAUTH_BASE_URL", "https://api.ofauth.com/a b"))
                    .containsExactly(
                            "OFAUTH_BASE_URL is not a valid URL, for example https://api.ofauth.com/ (got 'https://api.ofauth.com/a b').");
        }

        @Test
        void theBaseUrlCarriesNoApiVersion() {
            assertThat(problems("OFAUTH_BASE_URL", "https://api.ofauth.com/v2"))
                    .containsExactly(
                            "OFAUTH_BASE_URL must not end with an API version: masscast adds the /v2/… paths itself. Use the"
                                    + " bare host, for example https://api.ofauth.com/.");
        }

        @Test
        void rateAndBurstCanBeTuned() {
            OfAuthSettings ofAuth = load("MASSCAST_OFAUTH_RATE_PER_MINUTE", "120", "MASSCAST_OFAUTH_BURST", "10")
                    .ofAuth();

            assertThat(ofAuth.ratePerMinute()).isEqualTo(120);
            assertThat(ofAuth.burst())
                    .as("a burst below the rate smooths the flow")
                    .isEqualTo(10);
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "-1", "1.5", "sixty", "99999999999"})
        void rateAndBurstArePositiveWholeNumbers(String value) {
            assertThat(problems("MASSCAST_OFAUTH_RATE_PER_MINUTE", value, "MASSCAST_OFAUTH_BURST", value))
                    .containsExactly(
                            "MASSCAST_OFAUTH_RATE_PER_MINUTE must be a whole number of at least 1 (got '" + value
                                    + "').",
                            "MASSCAST_OFAUTH_BURST must be a whole number of at least 1 (got '" + value + "').");
        }
    }

    @Nested
    class Leases {
        @Test
        void leasesLastTenSecondsByDefault() {
            assertThat(load().leases().ttl()).isEqualTo(Duration.ofSeconds(10));
        }

        @Test
        void theLeaseTimeCanBeShortenedForFastTakeOver() {
            assertThat(load("MASSCAST_LEASE_TTL", "2s").leases().ttl()).isEqualTo(Duration.ofSeconds(2));
            assertThat(load("MASSCAST_LEASE_TTL", "1500ms").leases().ttl()).isEqualTo(Duration.ofMillis(1500));
            assertThat(load("MASSCAST_LEASE_TTL", "1m").leases().ttl()).isEqualTo(Duration.ofMinutes(1));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0s", "500ms", "11m", "1h", "ten", "10", "-5s", "9999999999999s"})
        void aLeaseTimeOutsideOneSecondToTenMinutesIsRefused(String value) {
            assertThat(problems("MASSCAST_LEASE_TTL", value))
                    .containsExactly("MASSCAST_LEASE_TTL must be a duration"
                            + " from 1s to 10m, written like 10s, 5m or 2h (got '" + value + "').");
        }
    }

    @Nested
    class Logs {
        @Test
        void logsAreTextUnlessJsonIsAskedFor() {
            assertThat(load().logFormat()).isEqualTo(LogFormat.TEXT);
            assertThat(load("MASSCAST_LOG_FORMAT", "json").logFormat()).isEqualTo(LogFormat.JSON);
            assertThat(load("MASSCAST_LOG_FORMAT", "JSON").logFormat()).isEqualTo(LogFormat.JSON);
            assertThat(load("MASSCAST_LOG_FORMAT", "text").logFormat().id()).isEqualTo("text");
        }

        @ParameterizedTest
        @ValueSource(strings = {"logstash", "yaml", "jsonl", "plain"})
        void anUnknownFormatIsRefused(String value) {
            assertThat(problems("MASSCAST_LOG_FORMAT", value))
                    .containsExactly("MASSCAST_LOG_FORMAT must be text or json"
                            + " (got '" + value
                            + "'): json writes one JSON object per line (for a log collector), text is for"
                            + " reading at a terminal.");
        }
    }

    @Nested
    class Database {
        @Test
        void postgresqlTakesAUserAndPassword() {
            DatabaseSettings database = load(
                            "MASSCAST_DB_URL",
                            "jdbc:postgresql://db:5432/masscast",
                            "MASSCAST_DB_USER",
                            "app",
                            "MASSCAST_DB_PASSWORD",
                            "pw_1")
                    .database();

            assertThat(database.kind()).isEqualTo(DatabaseKind.POSTGRESQL);
            assertThat(database.user()).contains("app");
            assertThat(database.password()).contains(Secret.of("pw_1"));
        }

        @Test
        void otherDatabasesAreRefused() {
            assertThat(problems("MASSCAST_DB_URL", "jdbc:mysql://db/masscast"))
                    .containsExactly(
                            "MASSCAST_DB_URL must start with jdbc:sqlite: (for example jdbc:sqlite:masscast.db) or"
                                    + " jdbc:postgresql: (for example jdbc:postgresql://db:5432/masscast); it starts with jdbc:mysql:.");
            assertThat(problems("MASSCAST_DB_URL", "masscast.db"))
                    .singleElement()
                    .asString()
                    .endsWith("(for example jdbc:postgresql://db:5432/masscast).");
        }

        @Test
        void aLibpqUrlIsExplained() {
            assertThat(problems("MASSCAST_DB_URL", "postgres://app:pw_1@db/masscast"))
                    .containsExactly("MASSCAST_DB_URL is a libpq-style URL (postgres://…), not a JDBC URL: write it as"
                            + " jdbc:postgresql://db:5432/masscast and put the user and password in MASSCAST_DB_USER"
                            + " and MASSCAST_DB_PASSWORD.");
        }

        @Test
        void aMisspelledPostgresqlPrefixIsExplained() {
            assertThat(problems("MASSCAST_DB_URL", "jdbc:postgres://db/masscast"))
                    .containsExactly(
                            "MASSCAST_DB_URL starts with jdbc:postgres:, but the PostgreSQL driver expects jdbc:postgresql:"
                                    + " (for example jdbc:postgresql://db:5432/masscast).");
        }

        @Test
        void anSslKeyPasswordInTheUrlIsNotTheLoginPassword() {
            assertThat(load(
                                    "MASSCAST_DB_URL",
                                    "jdbc:postgresql://db/masscast?sslpassword=pw_1",
                                    "MASSCAST_DB_PASSWORD",
                                    "pw_2")
                            .database()
                            .password())
                    .contains(Secret.of("pw_2"));
        }

        @Test
        void sqliteRefusesAPassword() {
            assertThat(problems("MASSCAST_DB_URL", "jdbc:sqlite:/data/masscast.db", "MASSCAST_DB_PASSWORD", "pw_1"))
                    .containsExactly("MASSCAST_DB_PASSWORD is set but MASSCAST_DB_URL points at SQLite, which has no"
                            + " users or passwords: unset MASSCAST_DB_PASSWORD, or set MASSCAST_DB_URL to a PostgreSQL URL"
                            + " such as jdbc:postgresql://db:5432/masscast.");
        }

        @Test
        void theDefaultSqliteRefusesAUserAndSaysWhyItIsSqlite() {
            assertThat(problems("MASSCAST_DB_USER", "app"))
                    .containsExactly("MASSCAST_DB_USER is set but MASSCAST_DB_URL is unset, so masscast uses SQLite"
                            + " (jdbc:sqlite:masscast.db), which has no users or passwords: unset MASSCAST_DB_USER, or set"
                            + " MASSCAST_DB_URL to a PostgreSQL URL such as jdbc:postgresql://db:5432/masscast.");
        }

        @Test
        void sqliteNeedsAFile() {
            assertThat(problems("MASSCAST_DB_URL", "jdbc:sqlite:"))
                    .containsExactly(
                            "MASSCAST_DB_URL names no SQLite file: use jdbc:sqlite:masscast.db or another file path.");
            assertThat(problems("MASSCAST_DB_URL", "jdbc:sqlite::memory:"))
                    .containsExactly(
                            "MASSCAST_DB_URL points at an in-memory SQLite database, which the connection pool would lose when"
                                    + " it renews a connection: name a file, e.g. jdbc:sqlite:masscast.db.");
        }

        @Test
        void aPasswordInTheUrlIsAllowedButNotTwice() {
            assertThat(load("MASSCAST_DB_URL", "jdbc:postgresql://db/masscast?password=pw_1")
                            .database()
                            .describe())
                    .isEqualTo("database: postgresql //db/masscast?password=****");
            assertThat(problems(
                            "MASSCAST_DB_URL",
                            "jdbc:postgresql://db/masscast?password=pw_1",
                            "MASSCAST_DB_PASSWORD",
                            "pw_2"))
                    .containsExactly(
                            "MASSCAST_DB_PASSWORD is set and MASSCAST_DB_URL carries a password too: keep the password in"
                                    + " MASSCAST_DB_PASSWORD only and remove it from the URL.");
        }
    }

    @Nested
    class Http {
        @Test
        void thePortCanChange() {
            assertThat(load("MASSCAST_HTTP_PORT", "8080").http()).isEqualTo(new HttpSettings(8080));
        }

        @ParameterizedTest
        @ValueSource(strings = {"0", "65536", "80a", ":3000"})
        void thePortIsInRange(String port) {
            assertThat(problems("MASSCAST_HTTP_PORT", port))
                    .containsExactly("MASSCAST_HTTP_PORT must be a whole number from 1 to 65535 (got '" + port + "').");
        }
    }

    @Nested
    class Stats {
        @Test
        void theDefaultsPollEveryMinuteForSevenDays() {
            assertThat(load("OFAUTH_API_KEY", KEY).stats())
                    .isEqualTo(new StatsSettings(
                            Duration.ofSeconds(60), 7, Duration.ofMinutes(5), Duration.ofMinutes(15)));
        }

        @Test
        void onTheSimulatorResultsArePolledEveryFiveSecondsUnlessSetOtherwise() {
            assertThat(load().stats().interval()).isEqualTo(Duration.ofSeconds(5));
            assertThat(load("MASSCAST_STATS_INTERVAL", "60s").stats().interval())
                    .isEqualTo(Duration.ofSeconds(60));
        }

        @Test
        void durationsAreWrittenAsInThePolicy() {
            MasscastConfig config = load(
                    "MASSCAST_STATS_INTERVAL",
                    "30s",
                    "MASSCAST_STATS_TRACK_DAYS",
                    "3",
                    "MASSCAST_BUYER_NOTE_INTERVAL",
                    "2h",
                    "MASSCAST_CONNECTION_PROBE_INTERVAL",
                    " 1d ");

            assertThat(config.stats())
                    .isEqualTo(new StatsSettings(Duration.ofSeconds(30), 3, Duration.ofHours(2), Duration.ofDays(1)));
            assertThat(load("MASSCAST_STATS_INTERVAL", "5M").stats().interval()).isEqualTo(Duration.ofMinutes(5));
            assertThat(load("MASSCAST_BUYER_NOTE_INTERVAL", "0s").stats().buyerNoteInterval())
                    .isZero();
        }

        @ParameterizedTest
        @ValueSource(strings = {"60", "1s", "25h", "-5m", "5 minutes", "1.5m", "9999999999999s"})
        void anIntervalOutOfRangeOrUnreadableIsRefusedWithTheWayToWriteIt(String value) {
            assertThat(problems("MASSCAST_STATS_INTERVAL", value))
                    .containsExactly("MASSCAST_STATS_INTERVAL must be a"
                            + " duration from 5s to 1d, written like 10s, 5m or 2h (got '" + value + "').");
        }

        @Test
        void trackDaysAreAWholeNumberOfDays() {
            assertThat(problems("MASSCAST_STATS_TRACK_DAYS", "0"))
                    .containsExactly("MASSCAST_STATS_TRACK_DAYS must be a whole number from 1 to 90 (got '0').");
        }

        @Test
        void everyBadStatsSettingIsReportedAtOnce() {
            assertThat(problems("MASSCAST_BUYER_NOTE_INTERVAL", "soon", "MASSCAST_CONNECTION_PROBE_INTERVAL", "10s"))
                    .containsExactly(
                            "MASSCAST_BUYER_NOTE_INTERVAL must be a duration from 0s to 1d, written like 10s, 5m or 2h"
                                    + " (got 'soon').",
                            "MASSCAST_CONNECTION_PROBE_INTERVAL must be a duration from 1m to 1d, written like 10s, 5m"
                                    + " or 2h (got '10s').");
        }
    }

    @Nested
    class Admins {
        @Test
        void adminsAreCommaSeparatedIds() {
            assertThat(load("MASSCAST_ADMINS", " U012AB3CD, 81384788765712384,,U012AB3CD ")
                            .access()
                            .adminIds())
                    .containsExactly("U012AB3CD", "81384788765712384");
        }

        @Test
        void aMentionIsNotAnId() {
            assertThat(problems("MASSCAST_ADMINS", "U1,@alice"))
                    .containsExactly(
                            "MASSCAST_ADMINS has an entry (got '@alice') that is a name or mention, not a user id: use the"
                                    + " member id (Slack: profile → ⋯ → Copy member ID, like U012AB3CD; Discord: Developer Mode,"
                                    + " right-click the user → Copy User ID).");
        }

        @Test
        void aTokenIsNotAnIdAndIsNotEchoed() {
            assertThat(problems("MASSCAST_ADMINS", "U1,xoxb-pasted_1"))
                    .containsExactly(
                            "MASSCAST_ADMINS has an entry that looks like a token, not a user id: remove it from MASSCAST_ADMINS,"
                                    + " and replace the token if this list has been shared.");
        }

        @Test
        void idsAreSeparatedByCommas() {
            assertThat(problems("MASSCAST_ADMINS", "U1 U2"))
                    .containsExactly(
                            "MASSCAST_ADMINS has an entry (got 'U1 U2') with a space in it: separate user ids with commas.");
            assertThat(problems("MASSCAST_ADMINS", "U1;U2"))
                    .containsExactly(
                            "MASSCAST_ADMINS has an entry (got 'U1;U2') that is not a user id: ids are at most 40 letters,"
                                    + " digits, '.', '_' and '-'.");
        }
    }

    @Nested
    class VariableNames {
        @Test
        void aNearMissOfAKnownNameIsReported() {
            assertThat(problems("MASSCAST_ADMIN", "U1"))
                    .containsExactly(
                            "MASSCAST_ADMIN is not a masscast variable: did you mean MASSCAST_ADMINS? Rename it, or unset it.");
            assertThat(problems("slack_bot_token", BOT))
                    .singleElement()
                    .asString()
                    .startsWith("slack_bot_token is not a masscast variable: did you mean SLACK_BOT_TOKEN?");
        }

        @Test
        void onlySecretsComeFromFiles() {
            assertThat(problems("MASSCAST_DB_URL_FILE", "/run/secrets/db-url"))
                    .containsExactly(
                            "MASSCAST_DB_URL_FILE is not supported: only secrets can be read from a file (SLACK_BOT_TOKEN,"
                                    + " SLACK_APP_TOKEN, SLACK_SIGNING_SECRET, DISCORD_BOT_TOKEN, OFAUTH_API_KEY,"
                                    + " OFAUTH_WEBHOOK_SECRET, MASSCAST_DB_PASSWORD). Set MASSCAST_DB_URL itself.");
        }

        @Test
        void unrelatedNamesAreLeftAlone() {
            Map<String, String> env = env(
                    "PATH",
                    "/usr/bin",
                    "MASSCAST_VERSION",
                    "1.0",
                    "SLACK_CLIENT_ID",
                    "123.456",
                    "SLACK_VERIFICATION_TOKEN",
                    "legacy");

            assertThat(ConfigLoader.load(env).adapters()).containsExactly(Adapter.SHELL);
        }
    }

    @Test
    void aConfigExceptionNeedsAProblem() {
        assertThatThrownBy(() -> new ConfigException(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
