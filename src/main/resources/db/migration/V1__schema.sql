-- The masscast schema, one script for SQLite and PostgreSQL.
-- Conventions: instants are epoch milliseconds (BIGINT); lists are JSON arrays of strings in TEXT;
-- prices are BigDecimal.toString() in TEXT so their scale survives; enums are stored by name.
-- ${id_column} is the only dialect difference: an auto-assigned BIGINT primary key.

CREATE TABLE binding (
    platform              TEXT    NOT NULL,
    workspace_id          TEXT    NOT NULL,
    channel_id            TEXT    NOT NULL,
    connection_id         TEXT    NOT NULL,
    creator_name          TEXT    NOT NULL,
    zone_id               TEXT    NOT NULL,
    approvers             TEXT    NOT NULL,
    required_approvals    INTEGER NOT NULL,
    self_approval_allowed BOOLEAN NOT NULL,
    daily_cap             INTEGER,
    min_gap               TEXT    NOT NULL, -- ISO-8601 duration, e.g. PT2H
    quiet_start           TEXT,             -- ISO local time; quiet hours are both set or both NULL
    quiet_end             TEXT,
    PRIMARY KEY (platform, workspace_id, channel_id)
);

-- The last human number given out per workspace; the row lock serialises concurrent compositions.
CREATE TABLE campaign_counter (
    platform     TEXT    NOT NULL,
    workspace_id TEXT    NOT NULL,
    last_number  INTEGER NOT NULL,
    PRIMARY KEY (platform, workspace_id)
);

CREATE TABLE campaign (
    id                 ${id_column},
    platform           TEXT    NOT NULL,
    workspace_id       TEXT    NOT NULL,
    channel_id         TEXT    NOT NULL,
    number             INTEGER NOT NULL,
    connection_id      TEXT    NOT NULL,
    requester_id       TEXT    NOT NULL,
    requester_name     TEXT    NOT NULL,
    created_at         BIGINT  NOT NULL,
    text               TEXT    NOT NULL,
    markdown           BOOLEAN NOT NULL,
    locked_text        BOOLEAN NOT NULL,
    media              TEXT    NOT NULL, -- JSON array of "KIND:value"
    preview_count      INTEGER NOT NULL,
    price              TEXT    NOT NULL,
    user_ids           TEXT    NOT NULL,
    lists              TEXT    NOT NULL,
    excluded_lists     TEXT    NOT NULL,
    subscribed_after   BIGINT,
    scheduled_at       BIGINT,
    state              TEXT    NOT NULL,
    fingerprint        TEXT    NOT NULL,
    updated_at         BIGINT  NOT NULL,
    ofauth_message_id  BIGINT,
    request_started_at BIGINT,
    sent_at            BIGINT,
    unsendable_until   BIGINT,
    note               TEXT,
    send_time          BIGINT  NOT NULL, -- Campaign.sendTime(), kept current on every write
    version            BIGINT  NOT NULL,
    UNIQUE (platform, workspace_id, number)
);
CREATE INDEX campaign_by_state ON campaign (state, updated_at);
CREATE INDEX campaign_by_channel ON campaign (platform, workspace_id, channel_id, created_at);
CREATE INDEX campaign_by_send_time ON campaign (connection_id, send_time);

CREATE TABLE approval (
    id            ${id_column},
    campaign_id   BIGINT NOT NULL REFERENCES campaign (id),
    fingerprint   TEXT   NOT NULL,
    approver_id   TEXT   NOT NULL,
    approver_name TEXT   NOT NULL,
    approved_at   BIGINT NOT NULL,
    UNIQUE (campaign_id, fingerprint, approver_id)
);

CREATE TABLE audit_event (
    id                ${id_column},
    campaign_id       BIGINT NOT NULL REFERENCES campaign (id),
    occurred_at       BIGINT NOT NULL,
    actor_id          TEXT   NOT NULL,
    action            TEXT   NOT NULL,
    from_state        TEXT,
    to_state          TEXT   NOT NULL,
    fingerprint       TEXT   NOT NULL,
    ofauth_message_id BIGINT,
    detail            TEXT   NOT NULL
);
CREATE INDEX audit_event_by_campaign ON audit_event (campaign_id, occurred_at);

CREATE TABLE card_ref (
    campaign_id BIGINT PRIMARY KEY REFERENCES campaign (id),
    message_id  TEXT NOT NULL
);

CREATE TABLE outbox (
    id           ${id_column},
    campaign_id  BIGINT  NOT NULL REFERENCES campaign (id),
    platform     TEXT    NOT NULL,
    workspace_id TEXT    NOT NULL,
    channel_id   TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    text         TEXT    NOT NULL,
    attempts     INTEGER NOT NULL,
    due_at       BIGINT  NOT NULL,
    last_error   TEXT              -- for operators; not part of OutboxEntry
);
CREATE INDEX outbox_by_due ON outbox (due_at);

CREATE TABLE lease (
    name       TEXT   PRIMARY KEY,
    owner      TEXT   NOT NULL,
    expires_at BIGINT NOT NULL
);
