package io.masscast.config;

import static io.masscast.config.EnvReader.FILE_SUFFIX;
import static io.masscast.config.EnvReader.shown;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * Builds a {@link MasscastConfig} from environment variables (DESIGN.md section 5), or throws a
 * {@link ConfigException} listing every problem found, each naming its variable and what to do.
 */
public final class ConfigLoader {
    /** Variables holding secrets; each may instead be given as {@code NAME_FILE}. */
    private static final List<String> SECRETS = List.of(
            "SLACK_BOT_TOKEN",
            "SLACK_APP_TOKEN",
            "SLACK_SIGNING_SECRET",
            "DISCORD_BOT_TOKEN",
            "OFAUTH_API_KEY",
            "OFAUTH_WEBHOOK_SECRET",
            "MASSCAST_DB_PASSWORD");

    private static final List<String> SETTINGS = List.of(
            "MASSCAST_SLACK_API_URL",
            "DISCORD_GUILD_ID",
            "MASSCAST_DISCORD_API_URL",
            "OFAUTH_BASE_URL",
            "MASSCAST_OFAUTH",
            "MASSCAST_OFAUTH_RATE_PER_MINUTE",
            "MASSCAST_OFAUTH_BURST",
            "MASSCAST_DB_URL",
            "MASSCAST_DB_USER",
            "MASSCAST_HTTP_PORT",
            "MASSCAST_ADMINS",
            "MASSCAST_LEASE_TTL",
            "MASSCAST_STATS_INTERVAL",
            "MASSCAST_STATS_TRACK_DAYS",
            "MASSCAST_BUYER_NOTE_INTERVAL",
            "MASSCAST_CONNECTION_PROBE_INTERVAL",
            "MASSCAST_LOG_FORMAT");

    private static final List<String> OWN_PREFIXES = List.of("MASSCAST_", "SLACK_", "DISCORD_", "OFAUTH_");
    private static final int MAX_TYPO_DISTANCE = 2;
    private static final Pattern AUTH_SCHEME = Pattern.compile("(?i)(Bearer|Bot)\\s");
    private static final Pattern GUILD_ID = Pattern.compile("[0-9]{1,19}");
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._-]{1,40}");
    private static final Pattern JDBC_SCHEME = Pattern.compile("jdbc:[A-Za-z0-9]+:");
    private static final String POSTGRESQL_EXAMPLE = "jdbc:postgresql://db:5432/masscast";

    private final EnvReader env;

    private ConfigLoader(EnvReader env) {
        this.env = env;
    }

    /** Every environment variable masscast reads; each secret also as {@code NAME_FILE}. */
    public static List<String> variables() {
        return Stream.concat(SETTINGS.stream(), SECRETS.stream().flatMap(name -> Stream.of(name, name + FILE_SUFFIX)))
                .toList();
    }

    /** The variables that hold secrets (never to be set as literal values in deployment files). */
    public static List<String> secretVariables() {
        return SECRETS;
    }

    public static MasscastConfig fromSystem() {
        return load(System.getenv());
    }

    /** Reads {@code env}, and the files its {@code *_FILE} variables name; nothing else. */
    public static MasscastConfig load(Map<String, String> env) {
        return new ConfigLoader(new EnvReader(env)).load();
    }

    private MasscastConfig load() {
        reportUnknownNames();
        Optional<SlackSettings> slack = slack();
        Optional<DiscordSettings> discord = discord();
        Optional<OfAuthSettings> ofAuth = ofAuth();
        Optional<DatabaseSettings> database = database();
        Optional<HttpSettings> http = http();
        Optional<AccessSettings> access = access();
        LeaseSettings leases = new LeaseSettings(env.duration(
                "MASSCAST_LEASE_TTL", LeaseSettings.DEFAULT_TTL, LeaseSettings.MIN_TTL, LeaseSettings.MAX_TTL));
        Optional<StatsSettings> stats = stats(ofAuth.map(OfAuthSettings::mode));
        Optional<LogFormat> logFormat = logFormat();
        if (env.problemCount() > 0) {
            throw new ConfigException(env.problems());
        }
        return new MasscastConfig(
                slack,
                discord,
                ofAuth.orElseThrow(),
                database.orElseThrow(),
                http.orElseThrow(),
                access.orElseThrow(),
                leases,
                stats.orElseThrow(),
                logFormat.orElseThrow());
    }

    /** The settings, unless reading them added a problem (then the whole load fails anyway). */
    private <T> Optional<T> unlessNewProblems(int problemsBefore, Supplier<T> settings) {
        return env.problemCount() == problemsBefore ? Optional.of(settings.get()) : Optional.empty();
    }

    // --- Slack ---------------------------------------------------------------------------------

    private Optional<SlackSettings> slack() {
        int before = env.problemCount();
        Optional<Secret> botToken = env.secret("SLACK_BOT_TOKEN").filter(token -> bareToken("SLACK_BOT_TOKEN", token));
        Optional<Secret> appToken = env.secret("SLACK_APP_TOKEN").filter(token -> bareToken("SLACK_APP_TOKEN", token));
        Optional<Secret> signingSecret =
                env.secret("SLACK_SIGNING_SECRET").filter(secret -> bareToken("SLACK_SIGNING_SECRET", secret));
        URI apiUrl = env.httpBaseUrl("MASSCAST_SLACK_API_URL", SlackSettings.DEFAULT_API_URL);

        if (!env.isSet("SLACK_BOT_TOKEN")) {
            List<String> strays = new ArrayList<>(Stream.of("SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET")
                    .filter(env::isSet)
                    .toList());
            env.text("MASSCAST_SLACK_API_URL").ifPresent(url -> strays.add("MASSCAST_SLACK_API_URL"));
            if (!strays.isEmpty()) {
                String named = String.join(" and ", strays);
                env.problem(named + (strays.size() == 1 ? " is" : " are") + " set but SLACK_BOT_TOKEN is not:"
                        + " Slack needs the bot token (xoxb-…, under OAuth & Permissions). Set SLACK_BOT_TOKEN,"
                        + " or unset " + named + " to run without Slack.");
            }
            return Optional.empty();
        }
        if (!env.isSet("SLACK_APP_TOKEN") && !env.isSet("SLACK_SIGNING_SECRET")) {
            env.problem(
                    "SLACK_BOT_TOKEN is set but Slack has no way to send masscast events: set SLACK_APP_TOKEN"
                            + " (xapp-…) for Socket Mode, or SLACK_SIGNING_SECRET for HTTP mode (requests to POST /slack/events).");
        }
        checkSlackTokenKinds(botToken, appToken, signingSecret);
        return unlessNewProblems(
                before, () -> new SlackSettings(botToken.orElseThrow(), appToken, signingSecret, apiUrl));
    }

    /** A variable that must hold one kind of Slack token, and where to get one. */
    private record SlackTokenVariable(String name, SlackTokenKind kind, String expected, String advice) {}

    private static final SlackTokenVariable BOT_TOKEN = new SlackTokenVariable(
            "SLACK_BOT_TOKEN",
            SlackTokenKind.BOT,
            "a Slack bot token",
            "use the Bot User OAuth Token (xoxb-…) under OAuth & Permissions");
    private static final SlackTokenVariable APP_TOKEN = new SlackTokenVariable(
            "SLACK_APP_TOKEN",
            SlackTokenKind.APP,
            "a Slack app-level token",
            "create an app-level token (xapp-…) with the connections:write scope under"
                    + " Basic Information → App-Level Tokens");

    private void checkSlackTokenKinds(
            Optional<Secret> botToken, Optional<Secret> appToken, Optional<Secret> signingSecret) {
        Optional<SlackTokenKind> botKind = botToken.flatMap(SlackTokenKind::of);
        Optional<SlackTokenKind> appKind = appToken.flatMap(SlackTokenKind::of);
        if (botKind.equals(Optional.of(SlackTokenKind.APP)) && appKind.equals(Optional.of(SlackTokenKind.BOT))) {
            env.problem("SLACK_BOT_TOKEN and SLACK_APP_TOKEN are swapped: SLACK_BOT_TOKEN holds the app-level token"
                    + " (xapp-…) and SLACK_APP_TOKEN the bot token (xoxb-…). Exchange their values.");
            return;
        }
        botToken.ifPresent(token -> checkKind(BOT_TOKEN, botKind, APP_TOKEN));
        appToken.ifPresent(token -> checkKind(APP_TOKEN, appKind, BOT_TOKEN));
        signingSecret
                .flatMap(SlackTokenKind::of)
                .ifPresent(kind -> env.problem(env.origin("SLACK_SIGNING_SECRET")
                        + " holds " + kind.description() + ", not a signing secret: copy the Signing Secret under Basic"
                        + " Information → App Credentials."));
    }

    /** Reports a token of the wrong kind, and where it belongs when it is the other variable's kind. */
    private void checkKind(SlackTokenVariable variable, Optional<SlackTokenKind> found, SlackTokenVariable other) {
        if (found.equals(Optional.of(variable.kind()))) {
            return;
        }
        String what = found.map(kind -> " holds " + kind.description() + ", not " + variable.expected())
                .orElse(" does not look like " + variable.expected());
        String belongs = found.equals(Optional.of(other.kind()))
                ? "; the " + other.kind().prefix() + " token belongs in " + other.name() + "."
                : ".";
        env.problem(env.origin(variable.name()) + what + ": " + variable.advice() + belongs);
    }

    // --- Discord -------------------------------------------------------------------------------

    private Optional<DiscordSettings> discord() {
        int before = env.problemCount();
        Optional<Secret> botToken =
                env.secret("DISCORD_BOT_TOKEN").filter(token -> bareToken("DISCORD_BOT_TOKEN", token));
        Optional<String> rawGuildId = env.text("DISCORD_GUILD_ID");
        OptionalLong guildId = rawGuildId.map(this::guildId).orElse(OptionalLong.empty());
        URI apiUrl = env.httpBaseUrl("MASSCAST_DISCORD_API_URL", DiscordSettings.DEFAULT_API_URL);

        if (!env.isSet("DISCORD_BOT_TOKEN")) {
            List<String> strays = new ArrayList<>();
            rawGuildId.ifPresent(id -> strays.add("DISCORD_GUILD_ID"));
            env.text("MASSCAST_DISCORD_API_URL").ifPresent(url -> strays.add("MASSCAST_DISCORD_API_URL"));
            if (!strays.isEmpty()) {
                String named = String.join(" and ", strays);
                env.problem(named + (strays.size() == 1 ? " is" : " are") + " set but DISCORD_BOT_TOKEN is not: set"
                        + " DISCORD_BOT_TOKEN (Developer Portal → your application → Bot → Reset Token) to enable Discord,"
                        + " or unset " + named + ".");
            }
            return Optional.empty();
        }
        botToken.flatMap(SlackTokenKind::of)
                .ifPresent(kind -> env.problem(env.origin("DISCORD_BOT_TOKEN")
                        + " holds a Slack token, not a Discord bot token: use the bot token from the Discord Developer"
                        + " Portal → your application → Bot."));
        return unlessNewProblems(before, () -> new DiscordSettings(botToken.orElseThrow(), guildId, apiUrl));
    }

    private OptionalLong guildId(String raw) {
        if (GUILD_ID.matcher(raw).matches()) {
            try {
                long id = Long.parseLong(raw);
                if (id > 0) {
                    return OptionalLong.of(id);
                }
            } catch (NumberFormatException e) {
                // 19 digits can still exceed Long.MAX_VALUE: reported below
            }
        }
        env.problem("DISCORD_GUILD_ID must be the numeric id of a Discord server" + shown(raw)
                + ": turn on Developer Mode, right-click the server and choose Copy Server ID.");
        return OptionalLong.empty();
    }

    // --- OFAuth --------------------------------------------------------------------------------

    private Optional<OfAuthSettings> ofAuth() {
        int before = env.problemCount();
        Optional<Secret> apiKey = env.secret("OFAUTH_API_KEY").filter(key -> bareToken("OFAUTH_API_KEY", key));
        Optional<Secret> webhookSecret =
                env.secret("OFAUTH_WEBHOOK_SECRET").filter(secret -> bareToken("OFAUTH_WEBHOOK_SECRET", secret));
        URI baseUrl = env.httpBaseUrl("OFAUTH_BASE_URL", OfAuthSettings.DEFAULT_BASE_URL);
        if (baseUrl.getPath().matches("(?i).*/v[0-9]+/")) {
            env.problem("OFAUTH_BASE_URL must not end with an API version: masscast adds the /v2/… paths itself."
                    + " Use the bare host, for example " + OfAuthSettings.DEFAULT_BASE_URL + ".");
        }
        int ratePerMinute = env.integer(
                "MASSCAST_OFAUTH_RATE_PER_MINUTE", OfAuthSettings.DEFAULT_RATE_PER_MINUTE, 1, Integer.MAX_VALUE);
        int burst = env.integer("MASSCAST_OFAUTH_BURST", OfAuthSettings.DEFAULT_BURST, 1, Integer.MAX_VALUE);
        Optional<OfAuthMode> mode = ofAuthMode();
        return unlessNewProblems(
                before,
                () -> new OfAuthSettings(mode.orElseThrow(), apiKey, baseUrl, ratePerMinute, burst, webhookSecret));
    }

    private Optional<OfAuthMode> ofAuthMode() {
        boolean hasKey = env.isSet("OFAUTH_API_KEY");
        Optional<String> raw = env.text("MASSCAST_OFAUTH");
        if (raw.isEmpty()) {
            List<String> platformTokens = Stream.of("SLACK_BOT_TOKEN", "DISCORD_BOT_TOKEN")
                    .filter(env::isSet)
                    .toList();
            if (!hasKey && !platformTokens.isEmpty()) {
                env.problem(String.join(" and ", platformTokens) + (platformTokens.size() == 1 ? " is" : " are")
                        + " set but OFAUTH_API_KEY is not: set OFAUTH_API_KEY to send through OFAuth, or set"
                        + " MASSCAST_OFAUTH=simulator to try masscast on its built-in OFAuth simulator (nothing reaches"
                        + " OnlyFans).");
                return Optional.empty();
            }
            return Optional.of(hasKey ? OfAuthMode.LIVE : OfAuthMode.SIMULATOR);
        }
        Optional<OfAuthMode> mode = OfAuthMode.parse(raw.get());
        if (mode.isEmpty()) {
            env.problem("MASSCAST_OFAUTH must be live or simulator" + shown(raw.get())
                    + "; leave it unset to use live when OFAUTH_API_KEY is set and the simulator otherwise.");
        } else if (mode.get() == OfAuthMode.LIVE && !hasKey) {
            env.problem("MASSCAST_OFAUTH is live but OFAUTH_API_KEY is not set: set OFAUTH_API_KEY (or"
                    + " OFAUTH_API_KEY_FILE) to the key from the OFAuth dashboard, or set MASSCAST_OFAUTH=simulator.");
        }
        return mode;
    }

    // --- Database ------------------------------------------------------------------------------

    private Optional<DatabaseSettings> database() {
        int before = env.problemCount();
        Optional<String> rawUrl = env.text("MASSCAST_DB_URL");
        String url = rawUrl.orElse(DatabaseSettings.DEFAULT_URL);
        Optional<String> user = env.text("MASSCAST_DB_USER");
        Optional<Secret> password = env.secret("MASSCAST_DB_PASSWORD");
        Optional<DatabaseKind> kind = DatabaseKind.of(url);

        if (kind.isEmpty()) {
            env.problem(databaseUrlProblem(url));
        } else if (kind.get() == DatabaseKind.SQLITE) {
            String file = url.substring(DatabaseKind.SQLITE.urlPrefix().length());
            if (file.isBlank()) {
                env.problem("MASSCAST_DB_URL names no SQLite file: use " + DatabaseSettings.DEFAULT_URL
                        + " or another file path.");
            } else if (file.contains(":memory:") || file.contains("mode=memory")) {
                env.problem("MASSCAST_DB_URL points at an in-memory SQLite database, which the connection pool would"
                        + " lose when it renews a connection: name a file, e.g. " + DatabaseSettings.DEFAULT_URL + ".");
            }
            String sqlite = rawUrl.isPresent()
                    ? "MASSCAST_DB_URL points at SQLite"
                    : "MASSCAST_DB_URL is unset, so masscast uses SQLite (" + DatabaseSettings.DEFAULT_URL + ")";
            if (user.isPresent()) {
                refuseOnSqlite("MASSCAST_DB_USER", sqlite);
            }
            if (env.isSet("MASSCAST_DB_PASSWORD")) {
                refuseOnSqlite("MASSCAST_DB_PASSWORD", sqlite);
            }
        } else if (env.isSet("MASSCAST_DB_PASSWORD") && Urls.carriesPassword(url)) {
            env.problem("MASSCAST_DB_PASSWORD is set and MASSCAST_DB_URL carries a password too: keep the"
                    + " password in MASSCAST_DB_PASSWORD only and remove it from the URL.");
        }
        return unlessNewProblems(before, () -> new DatabaseSettings(url, user, password));
    }

    private void refuseOnSqlite(String name, String sqlite) {
        env.problem(name + " is set but " + sqlite + ", which has no users or passwords: unset " + name
                + ", or set MASSCAST_DB_URL to a PostgreSQL URL such as " + POSTGRESQL_EXAMPLE + ".");
    }

    /** Says what is wrong with a URL of an unknown kind without echoing it: it may hold a password. */
    private static String databaseUrlProblem(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("postgres://") || lower.startsWith("postgresql://")) {
            return "MASSCAST_DB_URL is a libpq-style URL (postgres://…), not a JDBC URL: write it as "
                    + POSTGRESQL_EXAMPLE
                    + " and put the user and password in MASSCAST_DB_USER and MASSCAST_DB_PASSWORD.";
        }
        if (lower.startsWith("jdbc:postgres:")) {
            return "MASSCAST_DB_URL starts with jdbc:postgres:, but the PostgreSQL driver expects jdbc:postgresql:"
                    + " (for example " + POSTGRESQL_EXAMPLE + ").";
        }
        Matcher scheme = JDBC_SCHEME.matcher(url);
        return "MASSCAST_DB_URL must start with jdbc:sqlite: (for example " + DatabaseSettings.DEFAULT_URL
                + ") or jdbc:postgresql: (for example " + POSTGRESQL_EXAMPLE + ")"
                + (scheme.lookingAt() ? "; it starts with " + scheme.group() : "") + ".";
    }

    // --- HTTP and access -----------------------------------------------------------------------

    private Optional<HttpSettings> http() {
        int before = env.problemCount();
        int port = env.integer("MASSCAST_HTTP_PORT", HttpSettings.DEFAULT_PORT, 1, 65_535);
        return unlessNewProblems(before, () -> new HttpSettings(port));
    }

    private Optional<AccessSettings> access() {
        int before = env.problemCount();
        Set<String> adminIds = new LinkedHashSet<>();
        for (String entry :
                env.text("MASSCAST_ADMINS").map(list -> list.split(",")).orElse(new String[0])) {
            String id = entry.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (USER_ID.matcher(id).matches() && !EnvReader.looksSecret(id)) {
                adminIds.add(id);
            } else {
                env.problem(adminIdProblem(id));
            }
        }
        return unlessNewProblems(before, () -> new AccessSettings(adminIds));
    }

    // --- Stats and connection health ------------------------------------------------------------

    /** On the simulator a poll spends no real budget, so results are polled more often by default. */
    private Optional<StatsSettings> stats(Optional<OfAuthMode> mode) {
        int before = env.problemCount();
        Duration defaultInterval = mode.equals(Optional.of(OfAuthMode.SIMULATOR))
                ? StatsSettings.SIMULATOR_INTERVAL
                : StatsSettings.DEFAULT_INTERVAL;
        Duration interval = env.duration(
                "MASSCAST_STATS_INTERVAL", defaultInterval, StatsSettings.MIN_INTERVAL, StatsSettings.MAX_INTERVAL);
        int trackDays = env.integer(
                "MASSCAST_STATS_TRACK_DAYS", StatsSettings.DEFAULT_TRACK_DAYS, 1, StatsSettings.MAX_TRACK_DAYS);
        Duration buyerNotes = env.duration(
                "MASSCAST_BUYER_NOTE_INTERVAL",
                StatsSettings.DEFAULT_BUYER_NOTE_INTERVAL,
                Duration.ZERO,
                StatsSettings.MAX_INTERVAL);
        Duration probes = env.duration(
                "MASSCAST_CONNECTION_PROBE_INTERVAL",
                StatsSettings.DEFAULT_PROBE_INTERVAL,
                StatsSettings.MIN_PROBE_INTERVAL,
                StatsSettings.MAX_INTERVAL);
        return unlessNewProblems(before, () -> new StatsSettings(interval, trackDays, buyerNotes, probes));
    }

    // --- Logs ----------------------------------------------------------------------------------

    private Optional<LogFormat> logFormat() {
        Optional<String> raw = env.text("MASSCAST_LOG_FORMAT");
        if (raw.isEmpty()) {
            return Optional.of(LogFormat.TEXT);
        }
        Optional<LogFormat> format = LogFormat.parse(raw.get());
        if (format.isEmpty()) {
            env.problem(
                    "MASSCAST_LOG_FORMAT must be text or json" + shown(raw.get())
                            + ": json writes one JSON object per line (for a log collector), text is for reading at a terminal.");
        }
        return format;
    }

    private static String adminIdProblem(String id) {
        String entry = "MASSCAST_ADMINS has an entry" + shown(id);
        if (EnvReader.looksSecret(id)) {
            return entry + " that looks like a token, not a user id: remove it from MASSCAST_ADMINS, and replace the"
                    + " token if this list has been shared.";
        }
        if (id.startsWith("@") || id.startsWith("<")) {
            return entry + " that is a name or mention, not a user id: use the member id (Slack: profile → ⋯ →"
                    + " Copy member ID, like U012AB3CD; Discord: Developer Mode, right-click the user → Copy User ID).";
        }
        if (id.chars().anyMatch(Character::isWhitespace)) {
            return entry + " with a space in it: separate user ids with commas.";
        }
        return entry + " that is not a user id: ids are at most 40 letters, digits, '.', '_' and '-'.";
    }

    // --- Shared checks -------------------------------------------------------------------------

    /** Whether a token is the bare value; if not, reports what is wrapped around it. */
    private boolean bareToken(String name, Secret token) {
        String value = token.reveal();
        Matcher scheme = AUTH_SCHEME.matcher(value);
        if (scheme.lookingAt()) {
            env.problem(env.origin(name) + " starts with '" + scheme.group(1) + " ': set the token alone;"
                    + " masscast adds that prefix itself.");
            return false;
        }
        if (value.length() >= 2
                && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            env.problem(env.origin(name) + " is wrapped in quotes: remove them (docker run --env-file and some"
                    + " .env loaders keep quotes as part of the value).");
            return false;
        }
        if (value.chars().anyMatch(Character::isWhitespace)) {
            env.problem(env.origin(name) + " contains a space: it must hold the token alone.");
            return false;
        }
        return true;
    }

    /** Names close to ours are almost always typos, and a typo silently drops a setting. */
    private void reportUnknownNames() {
        List<String> known = variables();
        for (String name : env.names()) {
            String upper = name.toUpperCase(Locale.ROOT);
            if (known.contains(name) || OWN_PREFIXES.stream().noneMatch(upper::startsWith)) {
                continue;
            }
            String base = upper.endsWith(FILE_SUFFIX) ? upper.substring(0, upper.length() - FILE_SUFFIX.length()) : "";
            if (SETTINGS.contains(base)) {
                env.problem(name + " is not supported: only secrets can be read from a file ("
                        + String.join(", ", SECRETS) + "). Set " + base + " itself.");
                continue;
            }
            known.stream()
                    .filter(candidate -> distance(upper, candidate) <= MAX_TYPO_DISTANCE)
                    .min(Comparator.comparingInt(candidate -> distance(upper, candidate)))
                    .ifPresent(match -> env.problem(
                            name + " is not a masscast variable: did you mean " + match + "? Rename it, or unset it."));
        }
    }

    /** Levenshtein distance. */
    private static int distance(String a, String b) {
        int[] previous = IntStream.rangeClosed(0, b.length()).toArray();
        for (int i = 1; i <= a.length(); i++) {
            int[] current = new int[b.length() + 1];
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            previous = current;
        }
        return previous[b.length()];
    }
}
