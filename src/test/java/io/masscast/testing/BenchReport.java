package io.masscast.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a benchmark prints (not a test: it measures and reports). One line per figure, {@code BENCH <name> <value>
 * <unit>}; comments start with {@code #}; each target gets a {@code TARGET} line (figure, measured, target, met or
 * missed) that the summary table collects. Everything printed is also written to the benchmark's file under
 * {@code target/bench/}.
 */
public final class BenchReport {
    private final List<String> lines = new ArrayList<>();
    private final Path file;

    public BenchReport(Path file) {
        this.file = file;
    }

    /** The report file from the harness's first argument, or {@code target/bench/<name>.txt}. */
    public static BenchReport forArgs(String[] args, String name) {
        return new BenchReport(Path.of(args.length > 0 ? args[0] : "target/bench/" + name + ".txt"));
    }

    /** The machine: cores, memory, JVM, and the load average when the benchmark started. */
    public void machine() {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        comment("JVM " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + " on "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        bench("machine_cores", Runtime.getRuntime().availableProcessors(), "cores");
        bench("machine_memory", os.getTotalMemorySize() / (1024 * 1024), "MiB");
        bench("machine_load_at_start", os.getSystemLoadAverage(), "load average (1 min)");
    }

    public void bench(String name, long value, String unit) {
        bench(name, (double) value, unit);
    }

    public void bench(String name, double value, String unit) {
        line("BENCH " + name + " " + number(value) + " " + unit);
    }

    /** A target of the issue: {@code figure} names it, {@code measured} and {@code target} say what was compared. */
    public void target(String figure, String measured, String target, boolean met) {
        line("TARGET " + figure + " | " + measured + " | " + target + " | " + (met ? "met" : "MISSED"));
    }

    public void comment(String text) {
        line("# " + text);
    }

    /** Writes every line printed so far to the report file. */
    public void write() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whole numbers without decimals, others with two. */
    public static String number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : String.format(Locale.ROOT, "%.2f", value);
    }

    private void line(String line) {
        lines.add(line);
        System.out.println(line);
        System.out.flush();
    }
}
