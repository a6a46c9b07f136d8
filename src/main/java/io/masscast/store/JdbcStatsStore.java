package io.masscast.store;

import io.masscast.core.model.CampaignStats;
import io.masscast.core.model.ChannelRef;
import io.masscast.core.model.Fan;
import io.masscast.core.model.StatsFigures;
import io.masscast.core.model.StatsSnapshot;
import io.masscast.core.port.StatsStore;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Campaign results, their snapshots and buyers. */
final class JdbcStatsStore implements StatsStore {

    private static final String FIND = """
            SELECT campaign_id, recipients, sent_count, viewed_count, purchased_count, revenue, revenue_reported,
                   as_of, sent_changed_at, unsend_open, missing_since, buyers_read, buyer_marker, last_buyer_note_at
              FROM campaign_stats
             WHERE campaign_id = ?""";

    private static final String SAVE = """
            INSERT INTO campaign_stats (campaign_id, sent_count, viewed_count, purchased_count, revenue, revenue_reported,
                                        as_of, sent_changed_at, unsend_open, missing_since, buyers_read, buyer_marker,
                                        last_buyer_note_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (campaign_id) DO UPDATE SET
                sent_count = excluded.sent_count, viewed_count = excluded.viewed_count,
                purchased_count = excluded.purchased_count, revenue = excluded.revenue,
                revenue_reported = excluded.revenue_reported, as_of = excluded.as_of,
                sent_changed_at = excluded.sent_changed_at, unsend_open = excluded.unsend_open,
                missing_since = excluded.missing_since, buyers_read = excluded.buyers_read,
                buyer_marker = excluded.buyer_marker,
                last_buyer_note_at = excluded.last_buyer_note_at""";

    private static final String RECORD_RECIPIENTS = """
            INSERT INTO campaign_stats (campaign_id, recipients, sent_count, viewed_count, purchased_count, revenue,
                                        revenue_reported, unsend_open, buyers_read)
            VALUES (?, ?, 0, 0, 0, '0', FALSE, FALSE, 0)
            ON CONFLICT (campaign_id) DO UPDATE SET recipients = excluded.recipients""";

    private static final String ADD_SNAPSHOT = """
            INSERT INTO stats_snapshot (campaign_id, taken_at, sent_count, viewed_count, purchased_count, revenue,
                                        revenue_reported)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";

    private static final String SNAPSHOTS = """
            SELECT campaign_id, taken_at, sent_count, viewed_count, purchased_count, revenue, revenue_reported
              FROM stats_snapshot
             WHERE campaign_id = ?
             ORDER BY taken_at, id""";

    private static final String CHANNEL_SNAPSHOTS = """
            SELECT s.campaign_id, s.taken_at, s.sent_count, s.viewed_count, s.purchased_count, s.revenue,
                   s.revenue_reported
              FROM stats_snapshot s
              JOIN campaign c ON c.id = s.campaign_id
             WHERE c.platform = ? AND c.workspace_id = ? AND c.channel_id = ? AND s.taken_at <= ?
               AND s.campaign_id IN (SELECT campaign_id FROM stats_snapshot WHERE taken_at > ?)
             ORDER BY s.campaign_id, s.taken_at, s.id""";

    private static final String ADD_BUYER = """
            INSERT INTO campaign_buyer (campaign_id, fan_id, username, name, seen_at)
            VALUES (?, ?, ?, ?, ?)
            ON CONFLICT (campaign_id, fan_id) DO NOTHING""";

    private static final String UNANNOUNCED = """
            SELECT fan_id, username, name
              FROM campaign_buyer
             WHERE campaign_id = ? AND announced_at IS NULL
             ORDER BY id""";

    private static final String WITH_UNANNOUNCED = """
            SELECT DISTINCT b.campaign_id
              FROM campaign_buyer b
              JOIN campaign c ON c.id = b.campaign_id
             WHERE c.connection_id = ? AND b.announced_at IS NULL
             ORDER BY b.campaign_id""";

    private final Sql sql;

    JdbcStatsStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public Optional<CampaignStats> find(long campaignId) {
        return sql.one(
                "find campaign stats",
                FIND,
                row -> new CampaignStats(
                        row.longValue("campaign_id"),
                        row.optionalLong("recipients"),
                        figures(row),
                        row.optionalInstant("as_of"),
                        row.optionalInstant("sent_changed_at"),
                        row.bool("unsend_open"),
                        row.optionalInstant("missing_since"),
                        row.longValue("buyers_read"),
                        row.optionalLong("buyer_marker"),
                        row.optionalInstant("last_buyer_note_at")),
                campaignId);
    }

    @Override
    public void save(CampaignStats stats) {
        StatsFigures f = stats.figures();
        sql.update(
                "save campaign stats",
                SAVE,
                stats.campaignId(),
                f.sent(),
                f.viewed(),
                f.purchased(),
                f.revenue().toString(),
                f.revenueReported(),
                stats.asOf(),
                stats.sentChangedAt(),
                stats.unsendOpen(),
                stats.missingSince(),
                stats.buyersRead(),
                stats.buyerMarker(),
                stats.lastBuyerNoteAt());
    }

    @Override
    public void recordRecipients(long campaignId, long recipients) {
        sql.update("record recipients", RECORD_RECIPIENTS, campaignId, recipients);
    }

    @Override
    public void addSnapshot(StatsSnapshot snapshot) {
        StatsFigures f = snapshot.figures();
        sql.update(
                "add stats snapshot",
                ADD_SNAPSHOT,
                snapshot.campaignId(),
                snapshot.at(),
                f.sent(),
                f.viewed(),
                f.purchased(),
                f.revenue().toString(),
                f.revenueReported());
    }

    @Override
    public List<StatsSnapshot> snapshots(long campaignId) {
        return sql.list(
                "list stats snapshots",
                SNAPSHOTS,
                row -> new StatsSnapshot(row.longValue("campaign_id"), row.instant("taken_at"), figures(row)),
                campaignId);
    }

    @Override
    public List<StatsSnapshot> channelSnapshots(ChannelRef channel, Instant changedAfter, Instant until) {
        return sql.list(
                "list channel stats snapshots",
                CHANNEL_SNAPSHOTS,
                row -> new StatsSnapshot(row.longValue("campaign_id"), row.instant("taken_at"), figures(row)),
                channel.platform(),
                channel.workspaceId(),
                channel.channelId(),
                until,
                changedAfter);
    }

    @Override
    public int addBuyers(long campaignId, List<Fan> buyers, Instant seenAt) {
        int added = 0;
        for (Fan buyer : buyers) {
            added += sql.update("add buyer", ADD_BUYER, campaignId, buyer.id(), buyer.username(), buyer.name(), seenAt);
        }
        return added;
    }

    @Override
    public long buyerCount(long campaignId) {
        return sql.one(
                        "count buyers",
                        "SELECT COUNT(*) AS buyers FROM campaign_buyer WHERE campaign_id = ?",
                        row -> row.longValue("buyers"),
                        campaignId)
                .orElse(0L);
    }

    @Override
    public List<Fan> unannouncedBuyers(long campaignId) {
        return sql.list(
                "list unannounced buyers",
                UNANNOUNCED,
                row -> new Fan(row.string("fan_id"), row.string("username"), row.string("name")),
                campaignId);
    }

    @Override
    public int markAnnounced(long campaignId, Instant at) {
        return sql.update(
                "mark buyers announced",
                "UPDATE campaign_buyer SET announced_at = ? WHERE campaign_id = ? AND announced_at IS NULL",
                at,
                campaignId);
    }

    @Override
    public List<Long> withUnannouncedBuyers(String connectionId) {
        return sql.list(
                "list campaigns with unannounced buyers",
                WITH_UNANNOUNCED,
                row -> row.longValue("campaign_id"),
                connectionId);
    }

    private static StatsFigures figures(Row row) throws SQLException {
        return new StatsFigures(
                row.longValue("sent_count"),
                row.longValue("viewed_count"),
                row.longValue("purchased_count"),
                new BigDecimal(row.string("revenue")),
                row.bool("revenue_reported"));
    }
}
