package io.masscast.config;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads typed values from an environment map and collects what is wrong with them instead of
 * stopping at the first problem. Values are stripped of surrounding whitespace; a blank value
 * counts as unset. A secret {@code NAME} may instead be given as {@code NAME_FILE}, the path of a
 * file holding it. No message here contains a secret.
 */
final class EnvReader {
    static final String FILE_SUFFIX = "_FILE";

    private static final long MAX_SECRET_FILE_BYTES = 64 * 1024;
    private static final int MAX_SHOWN_LENGTH = 40;
    // Slack, OFAuth and Svix prefixes; Discord tokens (about 70 characters) are caught by length.
    private static final Pattern SECRET_LOOKING = Pattern.compile("(?is)(xox|xapp-|sk_|whsec_).*");
    private static final Pattern DURATION =
            Pattern.compile("([0-9]{1,12})\\s*(ms|s|min|m|h|d)", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> env;
    private final List<String> problems = new ArrayList<>();

    EnvReader(Map<String, String> env) {
        this.env = Objects.requireNonNull(env, "env");
    }

    Set<String> names() {
        return new TreeSet<>(env.keySet());
    }

    void problem(String message) {
        problems.add(message);
    }

    int problemCount() {
        return problems.size();
    }

    List<String> problems() {
        return List.copyOf(problems);
    }

    Optional<String> text(String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(value -> !value.isEmpty());
    }

    /** Whether a secret is given, inline or as a file, even if the file then turns out unreadable. */
    boolean isSet(String secretName) {
        return text(secretName).isPresent() || text(secretName + FILE_SUFFIX).isPresent();
    }

    /** Where a secret came from, for messages about its value: {@code NAME} or {@code NAME (read from NAME_FILE)}. */
    String origin(String secretName) {
        return text(secretName).isPresent() || text(secretName + FILE_SUFFIX).isEmpty()
                ? secretName
                : secretName + " (read from " + secretName + FILE_SUFFIX + ")";
    }

    /** The secret from {@code NAME} or the file named by {@code NAME_FILE}; empty if unset or unusable. */
    Optional<Secret> secret(String name) {
        String fileVariable = name + FILE_SUFFIX;
        Optional<String> inline = text(name);
        Optional<String> path = text(fileVariable);
        if (inline.isPresent() && path.isPresent()) {
            problem("Both " + name + " and " + fileVariable + " are set: keep one of them (" + fileVariable
                    + " names a file that holds the value).");
            return Optional.empty();
        }
        Optional<String> value = inline.isPresent() ? inline : path.flatMap(file -> readSecretFile(fileVariable, file));
        if (value.isPresent() && value.get().lines().count() > 1) {
            problem(origin(name) + " holds more than one line: it must hold the secret alone.");
            return Optional.empty();
        }
        return value.map(Secret::of);
    }

    private Optional<String> readSecretFile(String variable, String pathText) {
        Path path;
        try {
            path = Path.of(pathText);
        } catch (InvalidPathException e) {
            problem(variable + " is not a valid file path" + shown(pathText) + ".");
            return Optional.empty();
        }
        String names = variable + " names " + pathText + ", which ";
        if (!Files.exists(path)) {
            problem(names + "does not exist: check the path, and that the secret is mounted where masscast runs.");
        } else if (Files.isDirectory(path)) {
            problem(names + "is a directory: point it at the file that holds the value.");
        } else if (!Files.isRegularFile(path)) {
            problem(names + "is not a regular file: point it at the file that holds the value.");
        } else {
            try {
                if (Files.size(path) > MAX_SECRET_FILE_BYTES) {
                    problem(names + "is larger than 64 KiB: it should hold the secret alone.");
                    return Optional.empty();
                }
                String content = Files.readString(path, StandardCharsets.UTF_8).strip();
                if (content.isEmpty()) {
                    problem(names + "is empty: put the value in the file.");
                    return Optional.empty();
                }
                return Optional.of(content);
            } catch (AccessDeniedException e) {
                problem(names + "masscast may not read: check the file's owner and permissions.");
            } catch (NoSuchFileException e) {
                problem(names + "disappeared while masscast read it: check the path.");
            } catch (CharacterCodingException e) {
                problem(names + "is not UTF-8 text: save the value as plain text.");
            } catch (IOException e) {
                // The exception names the path and the failure, never the file's content.
                problem(names + "could not be read (" + e.getClass().getSimpleName() + "): check the file.");
            }
        }
        return Optional.empty();
    }

    /** A whole number in {@code [min, max]}, or {@code defaultValue} when unset. */
    int integer(String name, int defaultValue, int min, int max) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(raw.get());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, with the accepted range
        }
        String range = max == Integer.MAX_VALUE ? "of at least " + min : "from " + min + " to " + max;
        problem(name + " must be a whole number " + range + shown(raw.get()) + ".");
        return defaultValue;
    }

    /**
     * A duration written like the policy's ({@code 500ms}, {@code 30s}, {@code 5m}, {@code 2h}, {@code 1d}) in
     * {@code [min, max]}, or {@code defaultValue} when unset.
     */
    Duration duration(String name, Duration defaultValue, Duration min, Duration max) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Matcher parts = DURATION.matcher(raw.get().strip());
        if (parts.matches()) {
            try {
                long amount = Long.parseLong(parts.group(1));
                Duration value = switch (parts.group(2).toLowerCase(Locale.ROOT)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "d" -> Duration.ofDays(amount);
                    default -> Duration.ofMinutes(amount);
                };
                if (value.compareTo(min) >= 0 && value.compareTo(max) <= 0) {
                    return value;
                }
            } catch (NumberFormatException | ArithmeticException e) {
                // too many digits: reported below, with the accepted range
            }
        }
        problem(name + " must be a duration from " + durationText(min) + " to " + durationText(max)
                + ", written like 10s, 5m or 2h" + shown(raw.get()) + ".");
        return defaultValue;
    }

    /** {@code 500ms}, {@code 90s}, {@code 5m}, {@code 2h}, {@code 1d}: the shortest exact way to write a duration. */
    static String durationText(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 1000 != 0) {
            return millis + "ms";
        }
        long seconds = duration.toSeconds();
        if (seconds != 0 && seconds % 86_400 == 0) {
            return seconds / 86_400 + "d";
        }
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        return seconds != 0 && seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
    }

    /** An http(s) base URL ending with {@code /}, or {@code defaultValue} when unset. */
    URI httpBaseUrl(String name, URI defaultValue) {
        Optional<String> raw = text(name);
        if (raw.isEmpty()) {
            return defaultValue;
        }
        Optional<String> problem;
        URI url = null;
        try {
            url = new URI(raw.get());
            problem = Urls.httpProblem(url);
        } catch (URISyntaxException e) {
            problem = Optional.of("is not a valid URL");
        }
        if (problem.isPresent()) {
            problem(name + " " + problem.get() + ", for example " + defaultValue + shown(Urls.redact(raw.get())) + ".");
            return defaultValue;
        }
        return Urls.requireHttpBase(url, name);
    }

    /** Whether a value in a non-secret variable may be a misplaced secret, and so must not be echoed. */
    static boolean looksSecret(String value) {
        return value.length() > MAX_SHOWN_LENGTH
                || SECRET_LOOKING.matcher(value).matches();
    }

    /** {@code " (got 'value')"} for a value that may be echoed, else nothing. */
    static String shown(String value) {
        return looksSecret(value) ? "" : " (got '" + value + "')";
    }
}
