package io.masscast.store;

import io.masscast.core.model.ChannelRef;
import io.masscast.core.port.DigestStore;
import java.time.Instant;

/** Daily digests claimed per channel and period: the first insert wins, later ones change nothing. */
final class JdbcDigestStore implements DigestStore {

    private static final String CLAIM = """
            INSERT INTO digest_claim (platform, workspace_id, channel_id, period, outcome, claimed_at, claimed_by)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (platform, workspace_id, channel_id, period) DO NOTHING""";

    private static final String IS_CLAIMED = """
            SELECT period
              FROM digest_claim
             WHERE platform = ? AND workspace_id = ? AND channel_id = ? AND period = ?""";

    private static final String ANY_CLAIMED = """
            SELECT period
              FROM digest_claim
             WHERE platform = ? AND workspace_id = ? AND channel_id = ?
             LIMIT 1""";

    private final Sql sql;

    JdbcDigestStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public boolean claim(ChannelRef channel, String period, Outcome outcome, Instant at, String by) {
        return sql.update(
                        "claim digest",
                        CLAIM,
                        channel.platform(),
                        channel.workspaceId(),
                        channel.channelId(),
                        period,
                        outcome,
                        at,
                        by)
                == 1;
    }

    @Override
    public boolean isClaimed(ChannelRef channel, String period) {
        return sql.one(
                        "look for digest claim",
                        IS_CLAIMED,
                        row -> row.string("period"),
                        channel.platform(),
                        channel.workspaceId(),
                        channel.channelId(),
                        period)
                .isPresent();
    }

    @Override
    public boolean anyClaimed(ChannelRef channel) {
        return sql.one(
                        "look for any digest claim",
                        ANY_CLAIMED,
                        row -> row.string("period"),
                        channel.platform(),
                        channel.workspaceId(),
                        channel.channelId())
                .isPresent();
    }
}
