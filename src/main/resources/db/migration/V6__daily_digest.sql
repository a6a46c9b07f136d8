-- The daily digest: when each channel gets it, which digests were claimed (each channel and day once, across
-- replicas and restarts), the image a digest posts, and links to the cards it names.
-- Same conventions as V1; ${binary_column} is BLOB on SQLite and BYTEA on PostgreSQL.

-- Local time (HH:MM, in the binding's zone) of the channel's daily digest; NULL: no daily digest.
ALTER TABLE binding ADD COLUMN digest_at TEXT DEFAULT '09:00';

-- A daily digest is claimed before it is posted, in the transaction that queues its post in the outbox:
-- whichever replica or restart claims a channel's period first posts it; the others find the row.
CREATE TABLE digest_claim (
    platform     TEXT   NOT NULL,
    workspace_id TEXT   NOT NULL,
    channel_id   TEXT   NOT NULL,
    period       TEXT   NOT NULL, -- daily:YYYY-MM-DD, the local day in the binding's zone
    outcome      TEXT   NOT NULL, -- POSTED, or SKIPPED when its day was over before masscast could post it
    claimed_at   BIGINT NOT NULL,
    claimed_by   TEXT   NOT NULL, -- the replica
    PRIMARY KEY (platform, workspace_id, channel_id, period)
);

-- The image an outbox entry posts (a digest's chart), kept with the entry until it is delivered.
ALTER TABLE outbox ADD COLUMN image_name TEXT;
ALTER TABLE outbox ADD COLUMN image_alt TEXT;
ALTER TABLE outbox ADD COLUMN image_data ${binary_column};

-- A link that opens the card's message, where the platform has one.
ALTER TABLE card_ref ADD COLUMN permalink TEXT;
