-- Results of sent campaigns, the buyers seen, and what masscast knows per OFAuth connection.
-- Same conventions as V1: instants as epoch milliseconds, money as BigDecimal.toString() in TEXT.

-- The latest figures of a campaign and the poller's bookkeeping for it (one row per followed campaign).
CREATE TABLE campaign_stats (
    campaign_id        BIGINT  PRIMARY KEY REFERENCES campaign (id),
    recipients         BIGINT,           -- OFAuth's total from the create answer; NULL when it gave none
    sent_count         BIGINT  NOT NULL,
    viewed_count       BIGINT  NOT NULL,
    purchased_count    BIGINT  NOT NULL,
    revenue            TEXT    NOT NULL,
    revenue_reported   BOOLEAN NOT NULL, -- OFAuth gave the amount; else purchases × price
    as_of              BIGINT,           -- when OFAuth last reported; NULL before the first report
    sent_changed_at    BIGINT,
    unsend_open        BOOLEAN NOT NULL,
    missing_since      BIGINT,           -- OFAuth's analytics stopped listing it
    buyers_read        BIGINT  NOT NULL, -- buyers' high-water mark: purchase count read up to
    buyer_marker       BIGINT,           -- where to continue reading buyers
    last_buyer_note_at BIGINT
);

-- The time series: a row only when a number changed.
CREATE TABLE stats_snapshot (
    id               ${id_column},
    campaign_id      BIGINT  NOT NULL REFERENCES campaign (id),
    taken_at         BIGINT  NOT NULL,
    sent_count       BIGINT  NOT NULL,
    viewed_count     BIGINT  NOT NULL,
    purchased_count  BIGINT  NOT NULL,
    revenue          TEXT    NOT NULL,
    revenue_reported BOOLEAN NOT NULL
);
CREATE INDEX stats_snapshot_by_campaign ON stats_snapshot (campaign_id, taken_at);
CREATE INDEX stats_snapshot_by_time ON stats_snapshot (taken_at);

-- Every buyer seen, once per campaign, and when the card's thread was told about them.
CREATE TABLE campaign_buyer (
    id           ${id_column},
    campaign_id  BIGINT NOT NULL REFERENCES campaign (id),
    fan_id       TEXT   NOT NULL,
    username     TEXT   NOT NULL,
    name         TEXT   NOT NULL,
    seen_at      BIGINT NOT NULL,
    announced_at BIGINT,
    UNIQUE (campaign_id, fan_id)
);
CREATE INDEX campaign_buyer_by_announcement ON campaign_buyer (campaign_id, announced_at);

-- Health, probe and poll schedule (with back-off) per connection, shared by the replicas.
CREATE TABLE connection_state (
    connection_id TEXT    PRIMARY KEY,
    health        TEXT    NOT NULL,
    health_since  BIGINT  NOT NULL,
    health_reason TEXT    NOT NULL,
    next_probe_at BIGINT,
    next_poll_at  BIGINT,
    poll_failures INTEGER NOT NULL
);

-- OFAuth webhook events already handled, so a redelivery changes nothing.
CREATE TABLE ofauth_event (
    event_id    TEXT   PRIMARY KEY,
    event_type  TEXT   NOT NULL,
    received_at BIGINT NOT NULL
);
