-- Channels in use on each Asterisk server, one row per dialled call that is up: before it originates, every
-- campaign of every dialer instance on this database takes a free slot below the server's maximum, so together
-- they never exceed it. The primary key (server, slot) makes two instances racing for the last slot take
-- different ones or fail; a call's row goes when the call ends, and those of a crashed instance when its
-- open attempts are closed.
CREATE TABLE asterisk_channel_leases (
  server_name  VARCHAR(64)  NOT NULL,
  slot         INT          NOT NULL,
  attempt_id   BIGINT       NOT NULL,
  instance_id  VARCHAR(64)  NOT NULL,
  leased_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (server_name, slot),
  CONSTRAINT uq_asterisk_channel_leases_attempt UNIQUE (attempt_id)
);
CREATE INDEX ix_asterisk_channel_leases_instance ON asterisk_channel_leases (instance_id);
