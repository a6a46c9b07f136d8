-- A/B tests: two or three variants of one mass message for one audience, approved together. Each variant is sent as
-- one or more ordinary campaigns (one per message), so every send keeps the campaign's guarantees.
-- Same conventions as V1: instants as epoch milliseconds, enums by name.

CREATE TABLE ab_test (
    id           ${id_column},
    split        TEXT    NOT NULL, -- LISTS or RANDOM
    seed         BIGINT,           -- random split: the shuffle's seed
    pool_size    BIGINT,           -- random split: how many fans were shuffled
    max_user_ids INTEGER NOT NULL, -- fan ids per message at most, when the test was composed
    created_at   BIGINT  NOT NULL,
    version      BIGINT  NOT NULL  -- guards the decision: one conditional update approves or rejects the test
);

CREATE TABLE ab_test_part (
    campaign_id BIGINT  PRIMARY KEY REFERENCES campaign (id),
    test_id     BIGINT  NOT NULL REFERENCES ab_test (id),
    variant     TEXT    NOT NULL, -- A, B or C
    part        INTEGER NOT NULL, -- 1, 2, ... when a variant's fans fill several messages
    UNIQUE (test_id, variant, part)
);
