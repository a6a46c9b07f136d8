-- The outbox also carries channel-level entries (connection alerts, digests), which belong to no campaign,
-- and an idempotency mark for posts that must not be repeated: attempt_started_at is stored before the
-- chat platform is called, so a retry after a crash knows an earlier attempt may have posted.
-- SQLite cannot relax a NOT NULL column, so the table is rebuilt; ids are reassigned in the same order.

CREATE TABLE outbox_v3 (
    id                 ${id_column},
    campaign_id        BIGINT  REFERENCES campaign (id), -- NULL for channel-level entries
    platform           TEXT    NOT NULL,
    workspace_id       TEXT    NOT NULL,
    channel_id         TEXT    NOT NULL,
    kind               TEXT    NOT NULL,
    text               TEXT    NOT NULL,
    attempts           INTEGER NOT NULL,
    due_at             BIGINT  NOT NULL,
    last_error         TEXT,             -- for operators; not part of OutboxEntry
    attempt_started_at BIGINT
);

INSERT INTO outbox_v3 (campaign_id, platform, workspace_id, channel_id, kind, text, attempts, due_at, last_error)
SELECT campaign_id, platform, workspace_id, channel_id, kind, text, attempts, due_at, last_error
  FROM outbox
 ORDER BY id;

DROP TABLE outbox;
ALTER TABLE outbox_v3 RENAME TO outbox;
CREATE INDEX outbox_by_platform ON outbox (platform, id);
