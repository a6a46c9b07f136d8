package io.masscast.app;

import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ConnectionHealth;
import io.masscast.core.model.Platform;
import io.masscast.store.OperationsReport;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges of what the database holds, for the whole cluster (every replica reports the same values: alert on their
 * maximum): campaigns by state, each platform's outbox backlog and the age of its oldest entry, the bound connections
 * by health, and how overdue each connection's stats poll is. They are read once per scrape, in one transaction; when
 * the database cannot be read, {@code masscast_database_up} drops to 0 and the gauges keep their last values.
 */
final class DatabaseGauges {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGauges.class);

    /** Reads the database's view (one transaction). */
    @FunctionalInterface
    interface Source {
        OperationsReport.Snapshot read();
    }

    private final Source source;
    private final Clock clock;
    private final AtomicReference<OperationsReport.Snapshot> last =
            new AtomicReference<>(new OperationsReport.Snapshot(Map.of(), Map.of(), Map.of(), Map.of()));
    private final AtomicReference<Instant> readAt;
    private volatile boolean up;
    private final MultiGauge pollOverdue;

    DatabaseGauges(Source source, Clock clock, MeterRegistry registry) {
        this.source = source;
        this.clock = clock;
        this.readAt = new AtomicReference<>(clock.instant());
        Gauge.builder("masscast.database.up", () -> up ? 1 : 0)
                .description("Whether the last scrape could read the database")
                .register(registry);
        for (CampaignState state : CampaignState.values()) {
            Gauge.builder("masscast.campaigns", () -> last.get().campaigns().getOrDefault(state, 0L))
                    .description("Campaigns in each state, across the cluster")
                    .tag("state", lower(state))
                    .register(registry);
        }
        for (Platform platform : Platform.values()) {
            Gauge.builder("masscast.outbox.backlog", () -> backlog(platform).entries())
                    .description("Outbox entries waiting to be delivered to chat, across the cluster")
                    .tag("platform", lower(platform))
                    .register(registry);
            Gauge.builder(
                            "masscast.outbox.oldest.age",
                            () -> oldestAge(platform).toMillis() / 1000.0)
                    .description("Seconds since the oldest waiting outbox entry was written (0 when none waits)")
                    .baseUnit("seconds")
                    .tag("platform", lower(platform))
                    .register(registry);
        }
        for (ConnectionHealth health : ConnectionHealth.values()) {
            Gauge.builder("masscast.connections", () -> last.get().connections().getOrDefault(health, 0L))
                    .description("Bound OFAuth connections by health (expired: the creator must reconnect)")
                    .tag("health", lower(health))
                    .register(registry);
        }
        this.pollOverdue = MultiGauge.builder("masscast.stats.poll.overdue")
                .description("Seconds a connection's stats poll is past due (0 while on schedule)")
                .baseUnit("seconds")
                .register(registry);
    }

    /** Reads the database now; a failure is logged and leaves the last values. */
    void refresh() {
        try {
            OperationsReport.Snapshot snapshot = source.read();
            Instant now = clock.instant();
            last.set(snapshot);
            readAt.set(now);
            up = true;
            List<MultiGauge.Row<?>> rows = snapshot.nextPollAt().entrySet().stream()
                    .<MultiGauge.Row<?>>map(next -> MultiGauge.Row.of(
                            Tags.of("connection", next.getKey()),
                            Math.max(0, Duration.between(next.getValue(), now).toMillis()) / 1000.0))
                    .toList();
            pollOverdue.register(rows, true);
        } catch (RuntimeException e) {
            up = false;
            LOG.warn("Metrics could not read the database ({})", e.getClass().getSimpleName());
        }
    }

    private OperationsReport.Backlog backlog(Platform platform) {
        return last.get().outbox().getOrDefault(platform, new OperationsReport.Backlog(0, Optional.empty()));
    }

    private Duration oldestAge(Platform platform) {
        return backlog(platform)
                .oldestEnqueuedAt()
                .map(oldest -> Duration.between(oldest, readAt.get()))
                .filter(age -> !age.isNegative())
                .orElse(Duration.ZERO);
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
