-- Attempt ids are reserved in blocks, so a dialer places a call without asking the database for its id: each
-- reservation moves next_id on by the block's size in one short transaction, and call_attempts rows are inserted
-- with ids from the reserving instance's block. A reservation also skips past any id already used.
CREATE TABLE attempt_id_blocks (
  name       VARCHAR(32) NOT NULL PRIMARY KEY,
  next_id    BIGINT      NOT NULL
);
INSERT INTO attempt_id_blocks (name, next_id) SELECT 'call_attempts', COALESCE(MAX(id), 0) + 1 FROM call_attempts;
