package io.masscast.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * masscast's shaded jar running in a JVM of its own, as a user starts it ({@code java [options] -jar masscast.jar
 * [arguments]}), with only the environment given (plus {@code PATH}, and {@code HOME} set to its working directory).
 * What it prints goes to {@code NAME.out} and what it logs to {@code NAME.log} in the logs folder (which the log scan
 * searches). Its input is a pipe that stays open until {@link #endInput}. Used by the process tests (crash, SIGTERM,
 * replicas) and the benchmarks (start-up, memory, load).
 */
public final class MasscastProcess implements AutoCloseable {
    private static final int CLOCK_TICKS_PER_SECOND = 100; // USER_HZ on Linux
    private final Process process;
    private final long startedNanos;
    private final Path out;
    private final Path log;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private MasscastProcess(Process process, long startedNanos, Path out, Path log) {
        this.process = process;
        this.startedNanos = startedNanos;
        this.out = out;
        this.log = log;
    }

    /** The jar the build made: {@code -Dmasscast.jar} (failsafe sets it), else {@code target/masscast.jar}. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("masscast.jar", "target/masscast.jar"))
                .toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build it first (mvn -B package does)");
        }
        return jar;
    }

    /** Starts the jar in {@code workingDirectory}; {@code name} names its two files in {@code logs}. */
    public static MasscastProcess start(
            Map<String, String> env,
            Path workingDirectory,
            Path logs,
            String name,
            List<String> jvmOptions,
            String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dfile.encoding=UTF-8",
                "-Djava.awt.headless=true"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar().toString()));
        command.addAll(List.of(arguments));
        Path out = logs.resolve(name + ".out");
        Path log = logs.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.clear();
        environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        environment.put("HOME", workingDirectory.toString());
        environment.putAll(env);
        long started = System.nanoTime();
        return new MasscastProcess(builder.start(), started, out, log);
    }

    public boolean printed(String text) throws IOException {
        return output().contains(text);
    }

    public void awaitPrinted(String text, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (!printed(text)) {
            assertThat(process.isAlive())
                    .as("masscast is running (its log: %s)", log)
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("masscast printed %s within %s", text, within)
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Waits until {@code GET /readyz} answers 200 (asking every 5 ms); returns the time since the JVM was started. */
    public Duration awaitReady(int httpPort, Duration patience) throws TimeoutException {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/readyz"))
                .timeout(Duration.ofSeconds(1))
                .build();
        long deadline = startedNanos + patience.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("masscast exited with " + process.exitValue() + " before it was ready");
            }
            try {
                if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return Duration.ofNanos(System.nanoTime() - startedNanos);
                }
                Thread.sleep(5);
            } catch (IOException notListeningYet) {
                // try again
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TimeoutException("interrupted");
            }
        }
        throw new TimeoutException("masscast was not ready within " + patience.toSeconds() + " s");
    }

    /** The process id (for {@code jcmd} and {@code /proc}). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Everything it printed so far. */
    public String output() throws IOException {
        return Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
    }

    /** Everything it logged so far. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Resident memory of the process now ({@code VmRSS} in {@code /proc}), in MiB. */
    public double residentMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024.0;
                }
            }
            throw new IllegalStateException("no VmRSS for process " + process.pid());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * CPU time the process has used so far (user and system, from {@code /proc/PID/stat}), in seconds: unlike wall
     * time, it hardly changes when other work shares the cores.
     */
    public double cpuSeconds() {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid()), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook, no finally, no lease given up. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    /** SIGTERM, as Docker and Kubernetes stop a container; returns how long the process took to exit. */
    public Duration terminate(Duration within) throws InterruptedException {
        long start = System.nanoTime();
        process.destroy();
        boolean exited = process.waitFor(within.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!exited) {
            process.destroyForcibly();
        }
        assertThat(exited).as("masscast exited after SIGTERM").isTrue();
        return took;
    }

    public int exitValue() {
        return process.exitValue();
    }

    /** Ends the input, as at the end of a script: masscast finishes what is in flight and exits. */
    public int endInput(Duration within) throws Exception {
        process.getOutputStream().close();
        assertThat(process.waitFor(within.toMillis(), TimeUnit.MILLISECONDS))
                .as("masscast exited")
                .isTrue();
        return process.exitValue();
    }

    /** SIGTERM if it still runs, forcibly after 30 s: what a benchmark or test leaves behind never lingers. */
    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
