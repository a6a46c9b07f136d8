package io.masscast.store;

import io.masscast.core.model.CampaignState;
import io.masscast.core.model.ConnectionHealth;
import io.masscast.core.model.Platform;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What operators watch, read from the database in one transaction: campaigns by state, the outbox's backlog, the
 * bound connections by health and when each is next polled. It is the whole cluster's view (every replica reads the
 * same rows), for gauges on {@code /metrics}.
 */
public final class OperationsReport {

    /** The entries of one platform's outbox that wait to be delivered, and when the oldest was written. */
    public record Backlog(long entries, Optional<Instant> oldestEnqueuedAt) {
        public Backlog {
            Objects.requireNonNull(oldestEnqueuedAt, "oldestEnqueuedAt");
        }
    }

    /** One reading; a state, platform or health with nothing in it is absent. */
    public record Snapshot(
            Map<CampaignState, Long> campaigns,
            Map<Platform, Backlog> outbox,
            Map<ConnectionHealth, Long> connections,
            Map<String, Instant> nextPollAt) {
        public Snapshot {
            campaigns = Map.copyOf(campaigns);
            outbox = Map.copyOf(outbox);
            connections = Map.copyOf(connections);
            nextPollAt = Map.copyOf(nextPollAt);
        }
    }

    private static final String CAMPAIGNS = "SELECT state, COUNT(*) AS n FROM campaign GROUP BY state";
    private static final String OUTBOX = """
            SELECT platform, COUNT(*) AS n, MIN(COALESCE(enqueued_at, due_at)) AS oldest
              FROM outbox
             GROUP BY platform""";
    // a bound connection nothing was recorded for yet is active
    private static final String CONNECTIONS = """
            SELECT b.connection_id, COALESCE(s.health, 'ACTIVE') AS health, s.next_poll_at
              FROM (SELECT DISTINCT connection_id FROM binding) b
              LEFT JOIN connection_state s ON s.connection_id = b.connection_id""";

    private final Database database;

    public OperationsReport(Database database) {
        this.database = database;
    }

    public Snapshot read() {
        return database.withSql(sql -> {
            Map<CampaignState, Long> campaigns = new EnumMap<>(CampaignState.class);
            sql.list(
                            "count campaigns by state",
                            CAMPAIGNS,
                            row -> Map.entry(row.enumValue("state", CampaignState.class), row.longValue("n")))
                    .forEach(count -> campaigns.put(count.getKey(), count.getValue()));
            Map<Platform, Backlog> outbox = new EnumMap<>(Platform.class);
            sql.list(
                            "measure the outbox",
                            OUTBOX,
                            row -> Map.entry(
                                    row.enumValue("platform", Platform.class),
                                    new Backlog(row.longValue("n"), row.optionalInstant("oldest"))))
                    .forEach(backlog -> outbox.put(backlog.getKey(), backlog.getValue()));
            Map<ConnectionHealth, Long> connections = new EnumMap<>(ConnectionHealth.class);
            Map<String, Instant> nextPollAt = new LinkedHashMap<>();
            sql.list("read the bound connections", CONNECTIONS, row -> {
                ConnectionHealth health = row.enumValue("health", ConnectionHealth.class);
                connections.merge(health, 1L, Long::sum);
                Optional<Instant> next = row.optionalInstant("next_poll_at");
                if (next.isPresent()) {
                    nextPollAt.put(row.string("connection_id"), next.get());
                }
                return health;
            });
            return new Snapshot(campaigns, outbox, connections, nextPollAt);
        });
    }
}
