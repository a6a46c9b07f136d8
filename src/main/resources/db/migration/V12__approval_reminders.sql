-- Approval reminders: how long a campaign may wait for approval before its approvers are reminded (and how long
-- before its send time), and the reminders claimed, so each campaign gets one per window across replicas and restarts.
-- Same conventions as V1.

-- An ISO-8601 duration (PT30M); NULL: no reminders.
ALTER TABLE binding ADD COLUMN remind_after TEXT DEFAULT 'PT30M';

-- A reminder is claimed in the transaction that queues its note in the outbox: whichever replica or restart claims a
-- campaign's window first reminds; the others find the row.
CREATE TABLE reminder_claim (
    campaign_id BIGINT NOT NULL REFERENCES campaign (id),
    reminder    TEXT   NOT NULL, -- waiting:<epoch ms it became pending>, or before-send:<epoch ms of its send time>
    claimed_at  BIGINT NOT NULL,
    claimed_by  TEXT   NOT NULL, -- the replica
    PRIMARY KEY (campaign_id, reminder)
);
