-- Several replicas on PostgreSQL, and what operators watch. One script for SQLite and PostgreSQL (see V1 for the
-- conventions; ${binary_column} is BLOB on SQLite and BYTEA on PostgreSQL).

-- Each OFAuth connection's token bucket, spent by every replica (bucket4j's serialised state, read and written under a
-- row lock). Only replicas on PostgreSQL use it: a single process on SQLite keeps its buckets in memory.
CREATE TABLE rate_budget (
    connection_id TEXT PRIMARY KEY,
    state         ${binary_column}
);

-- Signatures of Slack requests already seen, kept until they could no longer be replayed, so that a request replayed
-- to another replica is refused too. Only replicas on PostgreSQL use it: a single process remembers in memory.
CREATE TABLE seen_request (
    signature  TEXT   PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX seen_request_by_expiry ON seen_request (expires_at);

-- When an outbox entry was written, for the age of the oldest one still waiting (/metrics). An entry written before
-- this version counts from its due time.
ALTER TABLE outbox ADD COLUMN enqueued_at BIGINT;
UPDATE outbox SET enqueued_at = due_at;
