package io.masscast.store;

import io.masscast.core.model.OutboxEntry;
import io.masscast.core.port.OutboxStore;
import java.time.Instant;
import java.util.List;

/** The transactional outbox. Delivered entries are deleted; the audit trail is the history. */
final class JdbcOutboxStore implements OutboxStore {

    private static final String ENQUEUE = """
            INSERT INTO outbox (campaign_id, platform, workspace_id, channel_id, kind, text, attempts, due_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)""";

    // oldest = enqueued first (by id), so a campaign's notes go out in the order they were written
    private static final String DUE = """
            SELECT id, campaign_id, platform, workspace_id, channel_id, kind, text, attempts, due_at
              FROM outbox
             WHERE due_at <= ?
             ORDER BY id
             LIMIT ?""";

    private static final String RETRY_LATER = """
            UPDATE outbox
               SET attempts = attempts + 1, due_at = ?, last_error = ?
             WHERE id = ?""";

    private final Sql sql;

    JdbcOutboxStore(Sql sql) {
        this.sql = sql;
    }

    @Override
    public void enqueue(OutboxEntry entry) {
        sql.update("enqueue notification", ENQUEUE, entry.campaignId(), entry.channel().platform(),
                entry.channel().workspaceId(), entry.channel().channelId(), entry.kind(), entry.text(),
                entry.attempts(), entry.dueAt());
    }

    @Override
    public List<OutboxEntry> due(Instant now, int limit) {
        return sql.list("list due notifications", DUE, row -> new OutboxEntry(
                row.longValue("id"),
                row.longValue("campaign_id"),
                row.channel(),
                row.enumValue("kind", OutboxEntry.Kind.class),
                row.string("text"),
                row.intValue("attempts"),
                row.instant("due_at")), now, limit);
    }

    @Override
    public void delivered(long entryId) {
        sql.update("mark notification delivered", "DELETE FROM outbox WHERE id = ?", entryId);
    }

    @Override
    public void retryLater(long entryId, Instant dueAt, String error) {
        sql.update("postpone notification", RETRY_LATER, dueAt, error, entryId);
    }
}
