-- What the campaign service needs to run campaigns: capacity per campaign, the zone its "today" is
-- counted in, agents' phones, and the service instances that hold leads and attempts (so that a
-- restarted or dead instance's work can be recovered).

ALTER TABLE campaigns ADD COLUMN robot_ports INT NOT NULL DEFAULT 10;         -- concurrent robot conversations (agentless)
ALTER TABLE campaigns ADD COLUMN trunk_lines INT NOT NULL DEFAULT 30;         -- lines of the simulated PBX / per-campaign cap
ALTER TABLE campaigns ADD COLUMN report_zone VARCHAR(64) NOT NULL DEFAULT 'UTC'; -- zone of the campaign's "today"
ALTER TABLE campaigns ADD COLUMN dnc_on_disposition BOOLEAN NOT NULL DEFAULT TRUE;

ALTER TABLE users ADD COLUMN phone_endpoint VARCHAR(128);                     -- e.g. PJSIP/agent1001

CREATE TABLE service_instances (
  instance_id    VARCHAR(64)  NOT NULL PRIMARY KEY,
  host           VARCHAR(255),
  started_at     DATETIME(3)  NOT NULL,
  heartbeat_at   DATETIME(3)  NOT NULL
);

CREATE INDEX ix_leads_lock ON leads (locked_by, locked_until);
CREATE INDEX ix_leads_phone ON leads (phone_e164);

-- Nightly roll-up of each campaign's calls per local day (the campaign's report zone).
CREATE TABLE campaign_day_stats (
  campaign_id    BIGINT       NOT NULL,
  stat_day       DATE         NOT NULL,
  attempts       INT          NOT NULL,
  human          INT          NOT NULL,
  machine        INT          NOT NULL,
  busy           INT          NOT NULL,
  no_answer      INT          NOT NULL,
  failed         INT          NOT NULL,
  abandoned      INT          NOT NULL,
  talk_s         BIGINT       NOT NULL,
  computed_at    DATETIME(3)  NOT NULL,
  PRIMARY KEY (campaign_id, stat_day)
);
