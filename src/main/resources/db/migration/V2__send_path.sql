-- Send path: one campaign per OFAuth message, and a persisted "try again after" for the submitter.
-- One script for SQLite and PostgreSQL (see V1 for the conventions).

-- Before this version the reconciler could adopt a message another campaign already owned (two campaigns
-- with the same text). Such an adoption was a guess: the adopting campaign goes back to "in doubt" with its
-- card updated and a note in its thread, so a person decides. A campaign that got the id from OFAuth's own
-- answer keeps it. The campaigns are chosen once, before anything changes.
CREATE TEMPORARY TABLE shared_adoption AS
SELECT c.id
  FROM campaign c
 WHERE c.ofauth_message_id IS NOT NULL
   AND EXISTS (SELECT 1 FROM audit_event a
                WHERE a.campaign_id = c.id AND a.action = 'adopt' AND a.ofauth_message_id = c.ofauth_message_id)
   AND EXISTS (SELECT 1 FROM campaign other
                WHERE other.connection_id = c.connection_id AND other.ofauth_message_id = c.ofauth_message_id
                  AND other.id <> c.id);

INSERT INTO audit_event (campaign_id, occurred_at, actor_id, action, from_state, to_state, fingerprint,
                         ofauth_message_id, detail)
SELECT c.id, c.updated_at, 'masscast', 'unadopt', c.state, 'IN_DOUBT', c.fingerprint, CAST(NULL AS BIGINT),
       'OFAuth message ' || c.ofauth_message_id || ' also belongs to another campaign'
  FROM campaign c
 WHERE c.id IN (SELECT id FROM shared_adoption);

INSERT INTO outbox (campaign_id, platform, workspace_id, channel_id, kind, text, attempts, due_at)
SELECT c.id, c.platform, c.workspace_id, c.channel_id, kind.name,
       CASE kind.name WHEN 'CARD' THEN ''
            ELSE 'MC-' || c.number || ' had been matched to OFAuth message ' || c.ofauth_message_id
                 || ', which another campaign with the same content owns. masscast can''t tell whether MC-'
                 || c.number || ' itself was sent: check OnlyFans, then press Mark as sent or Send again.' END,
       0, c.updated_at
  FROM campaign c
 CROSS JOIN (SELECT 'CARD' AS name UNION ALL SELECT 'THREAD_NOTE') kind
 WHERE c.id IN (SELECT id FROM shared_adoption);

UPDATE campaign
   SET state = 'IN_DOUBT',
       note = 'matched to a message that belongs to another campaign; check OnlyFans',
       ofauth_message_id = NULL,
       sent_at = NULL,
       unsendable_until = NULL,
       send_time = COALESCE(scheduled_at, request_started_at, updated_at),
       version = version + 1
 WHERE id IN (SELECT id FROM shared_adoption);

DROP TABLE shared_adoption;

-- From now on the database itself refuses a second owner (NULLs, campaigns not yet at OFAuth, are distinct).
CREATE UNIQUE INDEX campaign_by_ofauth_message ON campaign (connection_id, ofauth_message_id);

-- When the submitter may try an approved campaign again after OFAuth said "later" (rate limit, unreachable),
-- so that a restart or another replica honours it. NULL: at once.
ALTER TABLE campaign ADD COLUMN submit_not_before BIGINT;
