package io.masscast.store;

import io.masscast.core.model.ChatImage;
import io.masscast.core.model.OutboxEntry;
import io.masscast.core.model.Platform;
import io.masscast.core.port.OutboxStore;
import io.masscast.core.port.WorkSignal;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** The transactional outbox. Delivered entries are deleted; the audit trail is the history. */
final class JdbcOutboxStore implements OutboxStore {

    private static final String ENQUEUE = """
            INSERT INTO outbox (campaign_id, platform, workspace_id, channel_id, kind, text, attempts, due_at, enqueued_at)
            VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?)""";

    private static final String ENQUEUE_IMAGE = """
            INSERT INTO outbox (campaign_id, platform, workspace_id, channel_id, kind, text, attempts, due_at, enqueued_at,
                                image_name, image_alt, image_data)
            VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?)""";

    private static final String IMAGE = """
            SELECT image_name, image_alt, image_data
              FROM outbox
             WHERE id = ? AND image_data IS NOT NULL""";

    private static final String COLUMNS =
            "id, campaign_id, platform, workspace_id, channel_id, kind, text, attempts, due_at, attempt_started_at";

    // oldest = enqueued first (by id), so a campaign's notes go out in the order they were written
    private static final String PENDING = """
            SELECT %s
              FROM outbox
             WHERE platform = ?
             ORDER BY id
             LIMIT ?""".formatted(COLUMNS);

    private static final String MARK_ATTEMPT = """
            UPDATE outbox
               SET attempt_started_at = ?
             WHERE id = ? AND attempt_started_at IS NULL""";

    private static final String RETRY_LATER = """
            UPDATE outbox
               SET attempts = attempts + 1, due_at = ?, last_error = ?, attempt_started_at = NULL
             WHERE id = ?""";

    private final Sql sql;
    private final Consumer<WorkSignal.Work> written;

    JdbcOutboxStore(Sql sql, Consumer<WorkSignal.Work> written) {
        this.sql = sql;
        this.written = written;
    }

    @Override
    public void enqueue(OutboxEntry entry) {
        sql.update(
                "enqueue notification",
                ENQUEUE,
                entry.campaignId(),
                entry.channel().platform(),
                entry.channel().workspaceId(),
                entry.channel().channelId(),
                entry.kind(),
                entry.text(),
                entry.dueAt(),
                entry.dueAt());
        written.accept(WorkSignal.Work.OUTBOX);
    }

    @Override
    public void enqueue(OutboxEntry entry, ChatImage image) {
        if (entry.kind() != OutboxEntry.Kind.CHANNEL_IMAGE) {
            throw new IllegalArgumentException("only a " + OutboxEntry.Kind.CHANNEL_IMAGE + " entry posts an image");
        }
        sql.update(
                "enqueue image",
                ENQUEUE_IMAGE,
                entry.campaignId(),
                entry.channel().platform(),
                entry.channel().workspaceId(),
                entry.channel().channelId(),
                entry.kind(),
                entry.text(),
                entry.dueAt(),
                entry.dueAt(),
                image.fileName(),
                image.altText(),
                image.png());
        written.accept(WorkSignal.Work.OUTBOX);
    }

    @Override
    public Optional<ChatImage> image(long entryId) {
        return sql.one(
                "read image",
                IMAGE,
                row -> new ChatImage(
                        row.string("image_name"),
                        row.string("image_alt"),
                        row.optionalBytes("image_data").orElseThrow()),
                entryId);
    }

    @Override
    public List<OutboxEntry> pending(Platform platform, int limit) {
        return sql.list("list pending notifications", PENDING, JdbcOutboxStore::entry, platform, limit);
    }

    @Override
    public boolean hasPending() {
        return sql.one("look for pending notifications", "SELECT id FROM outbox LIMIT 1", row -> row.longValue("id"))
                .isPresent();
    }

    @Override
    public void delivered(long entryId) {
        sql.update("mark notification delivered", "DELETE FROM outbox WHERE id = ?", entryId);
    }

    @Override
    public boolean markAttempt(long entryId, Instant at) {
        return sql.update("mark notification attempt", MARK_ATTEMPT, at, entryId) == 1;
    }

    @Override
    public void retryLater(long entryId, Instant dueAt, String error) {
        sql.update("postpone notification", RETRY_LATER, dueAt, error, entryId);
    }

    private static OutboxEntry entry(Row row) throws SQLException {
        return new OutboxEntry(
                row.longValue("id"),
                row.optionalLong("campaign_id"),
                row.channel(),
                row.enumValue("kind", OutboxEntry.Kind.class),
                row.string("text"),
                row.intValue("attempts"),
                row.instant("due_at"),
                row.optionalInstant("attempt_started_at"));
    }
}
