package io.masscast.app;

import io.masscast.config.ConfigException;
import io.masscast.config.ConfigLoader;
import io.masscast.config.DatabaseKind;
import io.masscast.config.DatabaseSettings;
import io.masscast.config.MasscastConfig;
import io.masscast.config.Secret;
import io.masscast.store.Database;
import io.masscast.store.DatabaseCopy;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code masscast copy-db --to jdbc:postgresql://HOST/DB [--to-user NAME] [--to-password-file FILE]}: copies the
 * configured SQLite database ({@code MASSCAST_DB_URL}) into an empty PostgreSQL one, for a team that moves to
 * replicas, then prints the row counts of both. Refuses a target with rows in it, and a source a masscast is running on
 * (it holds leases). Every refusal or failure is one line on stderr with exit status 1 (2 for a wrong command line);
 * passwords never appear in what it prints.
 */
final class CopyDbCommand {
    static final String NAME = "copy-db";
    static final String USAGE = "Usage: java -jar masscast.jar copy-db --to jdbc:postgresql://HOST:5432/DB"
            + " [--to-user NAME] [--to-password-file FILE]  (copies the SQLite database MASSCAST_DB_URL names)";

    private static final Pattern URL_SCHEME = Pattern.compile("jdbc:[A-Za-z0-9]+:|[A-Za-z][A-Za-z0-9+.-]*:");

    private final PrintStream out;
    private final PrintStream err;

    private CopyDbCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** A problem the user fixes; its message is the one line printed. */
    private static final class Problem extends Exception {
        final int status;

        Problem(int status, String message) {
            super(message);
            this.status = status;
        }
    }

    static int run(List<String> arguments, Map<String, String> env, PrintStream out, PrintStream err) {
        return new CopyDbCommand(out, err).run(arguments, env);
    }

    private int run(List<String> arguments, Map<String, String> env) {
        try {
            DatabaseSettings target = target(arguments);
            DatabaseSettings source = source(env);
            copy(source, target);
            return 0;
        } catch (Problem e) {
            err.println("copy-db: " + e.getMessage());
            return e.status;
        }
    }

    private static DatabaseSettings target(List<String> arguments) throws Problem {
        Optional<String> url = Optional.empty();
        Optional<String> user = Optional.empty();
        Optional<Path> passwordFile = Optional.empty();
        for (int i = 0; i < arguments.size(); i += 2) {
            String option = arguments.get(i);
            if (i + 1 >= arguments.size()) {
                throw new Problem(2, option + " needs a value. " + USAGE);
            }
            String value = arguments.get(i + 1);
            switch (option) {
                case "--to" -> url = Optional.of(value);
                case "--to-user" -> user = Optional.of(value);
                case "--to-password-file" -> passwordFile = Optional.of(Path.of(value));
                default -> throw new Problem(2, "unknown option " + option + ". " + USAGE);
            }
        }
        String to =
                url.orElseThrow(() -> new Problem(2, "name the PostgreSQL database to copy into with --to. " + USAGE));
        if (DatabaseKind.of(to).filter(kind -> kind == DatabaseKind.POSTGRESQL).isEmpty()) {
            throw new Problem(
                    2,
                    "--to takes a PostgreSQL JDBC URL such as jdbc:postgresql://db:5432/masscast, not " + scheme(to));
        }
        Optional<Secret> password =
                passwordFile.isEmpty() ? Optional.empty() : Optional.of(password(passwordFile.get()));
        return new DatabaseSettings(to, user, password);
    }

    private static Secret password(Path file) throws Problem {
        String password;
        try {
            password = Files.readString(file, StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new Problem(2, "cannot read the password file " + file + ": it does not exist or is not readable");
        }
        if (password.isEmpty()) {
            throw new Problem(2, "the password file " + file + " is empty");
        }
        return Secret.of(password);
    }

    private static DatabaseSettings source(Map<String, String> env) throws Problem {
        MasscastConfig config;
        try {
            config = ConfigLoader.load(env);
        } catch (ConfigException e) {
            throw new Problem(2, e.getMessage());
        }
        Main.chooseLogging(config);
        DatabaseSettings source = config.database();
        if (source.kind() != DatabaseKind.SQLITE) {
            throw new Problem(
                    2,
                    "MASSCAST_DB_URL names " + source.safeUrl() + ": copy-db copies from the SQLite database"
                            + " masscast ran on, so set MASSCAST_DB_URL to that file (jdbc:sqlite:/data/masscast.db)");
        }
        Path file = Path.of(
                source.url().substring(DatabaseKind.SQLITE.urlPrefix().length()).replaceFirst("\\?.*", ""));
        if (!Files.isRegularFile(file)) {
            throw new Problem(
                    1,
                    "there is no SQLite database at " + file.toAbsolutePath()
                            + ": set MASSCAST_DB_URL to the file masscast ran on");
        }
        return source;
    }

    private void copy(DatabaseSettings sourceSettings, DatabaseSettings targetSettings) throws Problem {
        String where = targetSettings.safeUrl();
        reach(targetSettings); // before the pool, whose own failure would log a stack trace
        try (Database source = Database.open(sourceSettings);
                Database target = Database.open(targetSettings)) {
            DatabaseCopy copy = new DatabaseCopy(source, target);
            Map<String, String> live = copy.liveLeases(Instant.now());
            if (!live.isEmpty()) {
                throw new Problem(
                        1,
                        "a masscast is running on " + sourceSettings.safeUrl() + " (it holds "
                                + String.join(", ", live.keySet()) + "): stop it, then copy");
            }
            List<String> tables;
            try {
                tables = copy.copy();
            } catch (DatabaseCopy.Refused refused) {
                throw new Problem(1, "refused: " + refused.getMessage());
            }
            DatabaseCopy.Counts counts = copy.counts(tables);
            print(sourceSettings, where, counts);
            if (!counts.equal()) {
                throw new Problem(1, "the row counts differ (above): the copy is not complete");
            }
        } catch (RuntimeException e) {
            throw new Problem(1, "the copy into " + where + " failed: " + rootCause(e, targetSettings));
        }
    }

    private void print(DatabaseSettings source, String target, DatabaseCopy.Counts counts) {
        out.println("Copied " + source.safeUrl() + " into " + target + ":");
        out.printf("%-22s %10s %12s%n", "table", "sqlite", "postgresql");
        counts.source()
                .forEach((table, rows) -> out.printf(
                        "%-22s %10d %12d%n", table, rows, counts.target().get(table)));
    }

    /** Connects once, plainly, so that an unreachable database or a wrong password is one clear line. */
    @SuppressWarnings("try") // the connection only needs to open
    private static void reach(DatabaseSettings target) throws Problem {
        try (Connection ignored = DriverManager.getConnection(
                target.url(),
                target.user().orElse(null),
                target.password().map(Secret::reveal).orElse(null))) {
            // reachable, and the credentials work
        } catch (SQLException e) {
            throw new Problem(1, "cannot connect to " + target.safeUrl() + ": " + scrub(e.getMessage(), target));
        }
    }

    private static String rootCause(Throwable e, DatabaseSettings target) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause == e ? e.getMessage() : e.getMessage() + " (" + cause.getMessage() + ")";
        return scrub(message, target);
    }

    /** One line, without the password should a driver ever repeat it. */
    private static String scrub(String message, DatabaseSettings target) {
        String line = String.valueOf(message).replaceAll("\\s*\\R\\s*", " ");
        return target.password()
                .map(Secret::reveal)
                .filter(p -> !p.isEmpty())
                .map(p -> line.replace(p, "****"))
                .orElse(line);
    }

    /** What kind of URL it is, without the rest (which may hold a password). */
    private static String scheme(String url) {
        Matcher scheme = URL_SCHEME.matcher(url);
        return scheme.lookingAt() ? "a " + scheme.group() + " URL" : "something that is no JDBC URL";
    }
}
