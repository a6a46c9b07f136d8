package io.masscast.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Searches log files for what must never be logged: anything shaped like a credential (OFAuth API keys, Slack
 * tokens, webhook secrets), and the exact secrets and message texts the test suite uses, harvested from its
 * sources. A finding names the file, the line and what was found, with the value itself masked.
 */
public final class LogScanner {
    /** Credential shapes: OFAuth keys, Slack bot/user/app tokens, Svix webhook secrets. */
    private static final List<Pattern> CREDENTIAL_SHAPES = List.of(
            Pattern.compile("sk_(?:live|sandbox|sim|test)_[A-Za-z0-9_]{4,}"),
            Pattern.compile("xox[abposr]-[A-Za-z0-9_-]{4,}"),
            Pattern.compile("xapp-[A-Za-z0-9_-]{4,}"),
            Pattern.compile("whsec_[A-Za-z0-9_+/=]{4,}"));
    /** Secrets a test names as such: {@code SIGNING_SECRET = "..."}, {@code BOT_TOKEN = "..."}. */
    private static final Pattern NAMED_SECRET =
            Pattern.compile("\\b\\w*(?:SECRET|TOKEN|API_KEY|PASSWORD)\\w*\\s*=\\s*\"([^\"\\\\]{8,})\"");
    /** Message texts as tests write them: in commands, in JSON, in builders and constants. */
    private static final List<Pattern> TEXT_SOURCES = List.of(
            Pattern.compile("text=\\\\\"((?:[^\"\\\\]|\\\\[^\"])+?)\\\\\""),
            Pattern.compile("text=\"([^\"\\\\]+)\""),
            Pattern.compile("\"text\":\\s*\"([^\"\\\\]+)\""),
            Pattern.compile("\\.text\\(\"([^\"\\\\]+)\"\\)"),
            Pattern.compile("new MessageContent\\(\"([^\"\\\\]+)\""),
            Pattern.compile("\\b\\w*TEXT\\w*\\s*=\\s*\"([^\"\\\\]+)\""));
    /** Shorter texts ("hi", "x") would match ordinary log words; these are long enough to be someone's message. */
    private static final int MIN_TEXT_LENGTH = 10;

    private final Set<String> secrets = new LinkedHashSet<>();
    private final Set<String> texts = new LinkedHashSet<>();

    public record Finding(Path file, int line, String what) {
        @Override
        public String toString() {
            return file.getFileName() + ":" + line + ": " + what;
        }
    }

    public LogScanner secret(String value) {
        secrets.add(Objects.requireNonNull(value, "value"));
        return this;
    }

    public LogScanner text(String value) {
        if (value.strip().length() >= MIN_TEXT_LENGTH) {
            texts.add(value.strip());
        }
        return this;
    }

    public Set<String> secrets() {
        return Set.copyOf(secrets);
    }

    public Set<String> texts() {
        return Set.copyOf(texts);
    }

    /** Adds every secret and message text found in the Java sources under {@code sources}. */
    public LogScanner harvest(Path sources) {
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                harvestSource(Files.readString(file, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    void harvestSource(String source) {
        for (Pattern shape : CREDENTIAL_SHAPES) {
            Matcher matcher = shape.matcher(source);
            while (matcher.find()) {
                secret(matcher.group());
            }
        }
        Matcher named = NAMED_SECRET.matcher(source);
        while (named.find()) {
            secret(named.group(1));
        }
        for (Pattern textSource : TEXT_SOURCES) {
            Matcher matcher = textSource.matcher(source);
            while (matcher.find()) {
                text(matcher.group(1).replace("\\\"", "\""));
            }
        }
    }

    /** Every finding in the {@code .log} files of {@code folder}. */
    public List<Finding> scanFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            List<Finding> findings = new ArrayList<>();
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
                findings.addAll(scan(file));
            }
            return findings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public List<Finding> scan(Path file) {
        List<Finding> findings = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            int number = 0;
            for (String line : (Iterable<String>) lines::iterator) {
                number++;
                findings.addAll(scanLine(file, number, line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return findings;
    }

    private List<Finding> scanLine(Path file, int number, String line) {
        List<Finding> findings = new ArrayList<>();
        for (Pattern shape : CREDENTIAL_SHAPES) {
            Matcher matcher = shape.matcher(line);
            if (matcher.find()) {
                findings.add(new Finding(file, number, "a credential-shaped value " + mask(matcher.group())));
            }
        }
        for (String secret : secrets) {
            if (line.contains(secret)) {
                findings.add(new Finding(file, number, "a secret of the tests " + mask(secret)));
            }
        }
        for (String text : texts) {
            if (line.contains(text)) {
                findings.add(new Finding(file, number, "a message text \"" + mask(text) + "\""));
            }
        }
        return findings;
    }

    /** The first four characters and the length: enough to find it in the sources, not enough to use it. */
    static String mask(String value) {
        return value.substring(0, Math.min(4, value.length())) + "… (" + value.length() + " characters)";
    }
}
