package io.masscast.adapter.slack;

import io.masscast.simulator.OfAuthSimulator;
import io.masscast.simulator.SimulatorConfig;
import io.masscast.testing.BenchReport;
import io.masscast.testing.MasscastProcess;
import io.masscast.testing.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Figure 6 of BENCHMARKS.md (its mixed load under {@code -Xmx128m} is {@link LoadBenchmark}'s): masscast's jar in a
 * JVM of its own, in Slack's HTTP mode against the fake Slack Web API.
 *
 * <ul>
 *   <li>Start to ready: from starting the JVM to {@code GET /readyz} answering 200, with the embedded defaults (SQLite
 *       file in the working directory, the built-in OFAuth simulator), a fresh database each time; median of
 *       {@link #STARTS} starts, and the CPU time the JVM used until then (which other work on the cores hardly
 *       changes).</li>
 *   <li>Resident memory at idle with Slack configured: {@code VmRSS} {@link #IDLE} after ready, default JVM options.</li>
 *   <li>Heap after 10,000 campaigns with 7 days of snapshots: one campaign composed and sent through masscast is
 *       copied 10,000 times in its SQLite file (sent evenly over the last 7 days, each with its stats row and a
 *       snapshot every 6 hours since it was sent); masscast starts on that file, runs {@link #IDLE}, and the heap in
 *       use after a full GC ({@code jcmd GC.run}, {@code GC.heap_info}) is the figure, beside the same on an empty
 *       database.</li>
 * </ul>
 */
public final class FootprintBenchmark {
    private static final int STARTS = 5;
    private static final Duration IDLE = Duration.ofSeconds(10);
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int CAMPAIGNS = 10_000;
    private static final Duration HISTORY = Duration.ofDays(7);
    private static final Duration SNAPSHOT_EVERY = Duration.ofHours(6);
    private static final String CHANNEL = "C0FOOT";
    private static final Pattern HEAP_USED = Pattern.compile("garbage-first heap\\s+total \\d+K, used (\\d+)K");

    private final BenchReport report;
    private final FakeSlackApi slack;
    private final Path logs;

    private FootprintBenchmark(BenchReport report, FakeSlackApi slack, Path logs) {
        this.report = report;
        this.slack = slack;
        this.logs = logs;
    }

    public static void main(String[] args) throws Exception {
        BenchReport report = BenchReport.forArgs(args, "footprint");
        report.comment("Figure 6: start to ready, resident memory at idle, heap after " + CAMPAIGNS + " campaigns");
        report.machine();
        try (FakeSlackApi slack = new FakeSlackApi()) {
            FootprintBenchmark bench =
                    new FootprintBenchmark(report, slack, Files.createDirectories(Path.of("target", "bench")));
            bench.startToReady();
            bench.heap();
        }
        report.write();
        System.exit(0);
    }

    /** The embedded defaults: SQLite in the working directory, the built-in simulator; Slack at the fake. */
    private Map<String, String> embeddedDefaults(int port) {
        return Map.of(
                "MASSCAST_OFAUTH",
                "simulator",
                "MASSCAST_ADMINS",
                SlackBench.ADMIN,
                "MASSCAST_HTTP_PORT",
                Integer.toString(port),
                "SLACK_BOT_TOKEN",
                SlackTestBed.BOT_TOKEN,
                "SLACK_SIGNING_SECRET",
                SlackTestBed.SIGNING_SECRET,
                "MASSCAST_SLACK_API_URL",
                slack.apiUrl());
    }

    private void startToReady() throws Exception {
        List<Double> readyMs = new ArrayList<>();
        List<Double> readyCpu = new ArrayList<>();
        double idleRss = Double.NaN;
        for (int start = 0; start <= STARTS; start++) { // start 0 warms the page cache
            Path folder = Files.createTempDirectory("masscast-bench-start-");
            int port = SlackBench.freePort();
            try (MasscastProcess masscast =
                    MasscastProcess.start(embeddedDefaults(port), folder, logs, "footprint-start", List.of())) {
                Duration ready = masscast.awaitReady(port, PATIENCE);
                if (start > 0) {
                    readyMs.add(ready.toNanos() / 1e6);
                    readyCpu.add(masscast.cpuSeconds());
                }
                if (start == STARTS) {
                    Thread.sleep(IDLE.toMillis());
                    idleRss = masscast.residentMib();
                }
            }
        }
        double median = Samples.median(readyMs);
        report.bench("start_to_ready_median", median, "ms");
        report.bench(
                "start_to_ready_max",
                readyMs.stream().mapToDouble(Double::doubleValue).max().orElseThrow(),
                "ms");
        report.bench("start_to_ready_cpu_median", Samples.median(readyCpu), "CPU seconds (user + system, all threads)");
        report.bench("rss_idle_slack", idleRss, "MiB");
        report.target(
                "6 start to ready (median of " + STARTS + ")",
                BenchReport.number(median) + " ms",
                "< 2000 ms",
                median < 2000);
        report.comment("resident memory at idle has no target: " + BenchReport.number(idleRss) + " MiB");
    }

    private void heap() throws Exception {
        try (OfAuthSimulator simulator =
                OfAuthSimulator.start(SimulatorConfig.defaults().withPort(0))) {
            Path empty = Files.createTempDirectory("masscast-bench-heap-empty-");
            double emptyHeap = settledHeap(simulator, empty.resolve("masscast.db"), "footprint-empty", false);
            Path full = Files.createTempDirectory("masscast-bench-heap-full-");
            double fullHeap = settledHeap(simulator, full.resolve("masscast.db"), "footprint-full", true);
            report.bench("heap_empty_after_gc", emptyHeap, "MiB");
            report.bench("heap_10000_campaigns_after_gc", fullHeap, "MiB");
            report.comment("heap after 10,000 campaigns has no target: " + BenchReport.number(fullHeap)
                    + " MiB (empty: " + BenchReport.number(emptyHeap) + " MiB)");
        }
    }

    /** masscast on {@code database} (seeded first when {@code seeded}), {@link #IDLE} after ready: the heap after GC. */
    private double settledHeap(OfAuthSimulator simulator, Path database, String name, boolean seeded) throws Exception {
        if (seeded) {
            seed(simulator, database, name);
        }
        int port = SlackBench.freePort();
        try (MasscastProcess masscast = MasscastProcess.start(
                SlackBench.masscastEnv(database, simulator, slack, port, true),
                database.getParent(),
                logs,
                name,
                List.of())) {
            Duration ready = masscast.awaitReady(port, PATIENCE);
            report.bench(name.replace('-', '_') + "_start_to_ready", ready.toMillis(), "ms");
            Thread.sleep(IDLE.toMillis());
            jcmd(masscast.pid(), "GC.run");
            Matcher used = HEAP_USED.matcher(jcmd(masscast.pid(), "GC.heap_info"));
            if (!used.find()) {
                throw new IllegalStateException("no G1 heap figure from jcmd GC.heap_info");
            }
            report.bench(name.replace('-', '_') + "_rss", masscast.residentMib(), "MiB");
            return Long.parseLong(used.group(1)) / 1024.0;
        }
    }

    /** One campaign composed, approved and accepted by OFAuth through masscast, then copied in its database. */
    private void seed(OfAuthSimulator simulator, Path database, String name) throws Exception {
        int port = SlackBench.freePort();
        SignedSlackClient client = new SignedSlackClient(slack);
        SlackView view = new SlackView(slack);
        try (MasscastProcess masscast = MasscastProcess.start(
                SlackBench.masscastEnv(database, simulator, slack, port, true),
                database.getParent(),
                logs,
                name + "-seed",
                List.of())) {
            masscast.awaitReady(port, PATIENCE);
            SlackBench.bind(client, port, CHANNEL, "conn_demo");
            String humanId = SlackBench.compose(client, view, port, CHANNEL, "Footprint campaign");
            client.click(
                    port, CHANNEL, SlackBench.APPROVER, SlackBench.approveButton(client, view, port, CHANNEL, humanId));
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!sent(database)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(humanId + " was not sent within " + PATIENCE.toSeconds() + " s");
                }
                Thread.sleep(50);
            }
        }
        copies(database);
    }

    private static boolean sent(Path database) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database);
                Statement query = db.createStatement();
                ResultSet rows =
                        query.executeQuery("SELECT COUNT(*) FROM campaign WHERE ofauth_message_id IS NOT NULL")) {
            return rows.next() && rows.getInt(1) == 1;
        }
    }

    /**
     * {@link #CAMPAIGNS} copies of the sent campaign, sent evenly over the last {@link #HISTORY}; each gets its own
     * number, text and OFAuth message id, a stats row and a snapshot every {@link #SNAPSHOT_EVERY} since it was sent.
     */
    private void copies(Path database) throws SQLException {
        Instant now = Instant.now();
        long step = HISTORY.toMillis() / CAMPAIGNS;
        int snapshots = 0;
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database)) {
            db.setAutoCommit(false);
            List<String> columns = columns(db);
            Map<String, String> changed = new HashMap<>(Map.of(
                    "number",
                    "?",
                    "text",
                    "?",
                    "created_at",
                    "?",
                    "updated_at",
                    "?",
                    "sent_at",
                    "?",
                    "send_time",
                    "?",
                    "ofauth_message_id",
                    "?",
                    "state",
                    "'SENT'"));
            String names = String.join(
                    ", ", columns.stream().filter(c -> !c.equals("id")).toList());
            String values = String.join(
                    ", ",
                    columns.stream()
                            .filter(c -> !c.equals("id"))
                            .map(c -> changed.getOrDefault(c, c))
                            .toList());
            try (PreparedStatement campaign = db.prepareStatement(
                            "INSERT INTO campaign (" + names + ") SELECT " + values + " FROM campaign WHERE id = 1",
                            Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement stats = db.prepareStatement("INSERT INTO campaign_stats (campaign_id, recipients,"
                            + " sent_count, viewed_count, purchased_count, revenue, revenue_reported, as_of, sent_changed_at,"
                            + " unsend_open, buyers_read) VALUES (?, 1000, 1000, ?, ?, ?, FALSE, ?, ?, FALSE, ?)");
                    PreparedStatement snapshot =
                            db.prepareStatement("INSERT INTO stats_snapshot (campaign_id, taken_at,"
                                    + " sent_count, viewed_count, purchased_count, revenue, revenue_reported)"
                                    + " VALUES (?, ?, 1000, ?, ?, ?, FALSE)")) {
                for (int i = 0; i < CAMPAIGNS; i++) {
                    long sentAt = now.minus(HISTORY).toEpochMilli() + i * step;
                    int p = 1;
                    for (String column : columns) {
                        switch (column) {
                            case "number" -> campaign.setLong(p++, 1_000 + i);
                            case "text" -> campaign.setString(p++, "Footprint campaign " + i);
                            case "created_at", "updated_at", "sent_at", "send_time" -> campaign.setLong(p++, sentAt);
                            case "ofauth_message_id" -> campaign.setLong(p++, 900_000_000L + i);
                            default -> {}
                        }
                    }
                    campaign.executeUpdate();
                    long id;
                    try (ResultSet keys = campaign.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                    int taken = 0;
                    for (long at = sentAt; at < now.toEpochMilli(); at += SNAPSHOT_EVERY.toMillis()) {
                        taken++;
                        snapshot.setLong(1, id);
                        snapshot.setLong(2, at);
                        snapshot.setLong(3, 10L * taken);
                        snapshot.setLong(4, taken);
                        snapshot.setString(5, taken + "0.00");
                        snapshot.addBatch();
                    }
                    snapshot.executeBatch();
                    snapshots += taken;
                    stats.setLong(1, id);
                    stats.setLong(2, 10L * taken);
                    stats.setLong(3, taken);
                    stats.setString(4, taken + "0.00");
                    stats.setLong(5, now.toEpochMilli());
                    stats.setLong(6, sentAt);
                    stats.setLong(7, taken);
                    stats.executeUpdate();
                }
            }
            db.commit();
        }
        report.bench("heap_seed_campaigns", CAMPAIGNS, "campaigns");
        report.bench("heap_seed_snapshots", snapshots, "snapshots");
    }

    private static List<String> columns(Connection db) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("PRAGMA table_info(campaign)")) {
            while (rows.next()) {
                columns.add(rows.getString("name"));
            }
        }
        return columns;
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid), command)
                .redirectErrorStream(true)
                .start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(60, TimeUnit.SECONDS) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " failed: " + out);
        }
        return out;
    }
}
