package io.masscast.app;

import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.Platform;
import io.masscast.core.port.CallPriority;
import io.masscast.core.port.InteractionObserver;
import io.masscast.jobs.JobObserver;
import io.masscast.ofauth.OfAuthObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * masscast's metrics, in Prometheus' text format for {@code GET /metrics}. Each part of masscast reports through an
 * observer of its own ({@link OfAuthObserver}, {@link JobObserver}, {@link InteractionObserver}), which this class
 * implements with Micrometer, so no other package knows Micrometer. The database's view (campaigns by state, the
 * outbox, connections) is read at each scrape by {@link DatabaseGauges}. JVM and process metrics come from
 * Micrometer's binders. One registry per process, owned here: nothing is registered globally.
 */
final class MicrometerMetrics implements OfAuthObserver, JobObserver, InteractionObserver, AutoCloseable {
    /** The content type of Prometheus' text format, version 0.0.4 (what {@link #scrape()} writes). */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    /** Chat platforms allow 3 s for an ack: the buckets bracket that deadline. */
    private static final Duration[] ACK_BUCKETS = {
        Duration.ofMillis(50),
        Duration.ofMillis(100),
        Duration.ofMillis(250),
        Duration.ofMillis(500),
        Duration.ofSeconds(1),
        Duration.ofSeconds(2),
        Duration.ofMillis(2500),
        Duration.ofSeconds(3),
        Duration.ofSeconds(5)
    };

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, AtomicLong> tokens = new ConcurrentHashMap<>();
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final DatabaseGauges database;

    MicrometerMetrics(DatabaseGauges.Source source, Clock clock) {
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        this.database = new DatabaseGauges(source, clock, registry);
    }

    /** Every metric now, in Prometheus' text format; reads the database's view first. */
    String scrape() {
        database.refresh();
        return registry.scrape();
    }

    @Override
    public void exchanged(String endpoint, String status, Duration took) {
        Timer.builder("masscast.ofauth.requests")
                .description("HTTP exchanges with OFAuth, by endpoint and status (or the failure without an answer)")
                .tag("endpoint", endpoint)
                .tag("status", status)
                .register(registry)
                .record(took);
    }

    @Override
    public void waited(String connectionId, CallPriority priority, Duration waited) {
        Timer.builder("masscast.ofauth.rate_limit.waits")
                .description("Waits for a token of a connection's OFAuth rate limit")
                .tag("connection", connectionId)
                .tag("priority", lower(priority))
                .register(registry)
                .record(waited);
    }

    @Override
    public void refused(String connectionId, CallPriority priority) {
        Counter.builder("masscast.ofauth.rate_limit.refusals")
                .description("OFAuth calls not made because no token of the connection's rate limit came in time")
                .tag("connection", connectionId)
                .tag("priority", lower(priority))
                .register(registry)
                .increment();
    }

    @Override
    public void tokensLeft(String connectionId, long left) {
        tokens.computeIfAbsent(connectionId, id -> {
                    AtomicLong value = new AtomicLong();
                    Gauge.builder("masscast.ofauth.rate_limit.tokens", value, AtomicLong::get)
                            .description(
                                    "Tokens left in a connection's OFAuth rate limit, as this process last saw them")
                            .tag("connection", id)
                            .register(registry);
                    return value;
                })
                .set(left);
    }

    @Override
    public void acknowledged(Platform platform, String kind, Duration latency) {
        Timer.builder("masscast.interaction.ack")
                .description("How long a chat interaction took to be acknowledged (platforms allow 3 s)")
                .tag("platform", lower(platform))
                .tag("kind", kind)
                .serviceLevelObjectives(ACK_BUCKETS)
                .register(registry)
                .record(latency);
    }

    @Override
    public void pollCycle(String connectionId, Duration took, boolean completed, int calls) {
        Timer.builder("masscast.stats.poll.cycle")
                .description("Stats poll cycles of a connection, and whether they completed")
                .tag("connection", connectionId)
                .tag("outcome", completed ? "completed" : "cut_short")
                .register(registry)
                .record(took);
        if (completed) {
            DistributionSummary.builder("masscast.stats.poll.calls")
                    .description("OFAuth calls of a completed stats poll cycle")
                    .tag("connection", connectionId)
                    .serviceLevelObjectives(1, 2, 5, 10, 20, 50)
                    .register(registry)
                    .record(calls);
        }
    }

    @Override
    public void delivered(Platform platform, OutboxEntry.Kind kind) {
        Counter.builder("masscast.outbox.delivered")
                .description("Outbox entries delivered to chat, by platform and kind")
                .tag("platform", lower(platform))
                .tag("kind", lower(kind))
                .register(registry)
                .increment();
        if (kind == OutboxEntry.Kind.CHANNEL_IMAGE) {
            Counter.builder("masscast.digests.posted")
                    .description("Digests (with their chart) posted in channels")
                    .tag("platform", lower(platform))
                    .register(registry)
                    .increment();
        }
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
