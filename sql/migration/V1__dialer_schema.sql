-- Dialer schema, version 1.
-- Runs unchanged on MySQL 8 / MariaDB 10.6+ and on H2 in MySQL mode (the embedded default).
-- Times are stored in UTC (DATETIME(3)); each lead carries its own IANA time zone for calling windows.
-- Enumerated values are VARCHAR, not ENUM, so that adding a value needs no table rebuild.

CREATE TABLE users (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  username       VARCHAR(64)  NOT NULL,
  display_name   VARCHAR(128) NOT NULL,
  password_hash  VARCHAR(100) NOT NULL,
  role           VARCHAR(16)  NOT NULL,          -- MANAGER, AGENT, ANALYST, ADMIN
  skills         VARCHAR(255) NOT NULL DEFAULT '',  -- comma separated, used by agent routing
  locale         VARCHAR(16)  NOT NULL DEFAULT 'en',
  enabled        BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at     DATETIME(3)  NOT NULL,
  CONSTRAINT uq_users_username UNIQUE (username)
);

CREATE TABLE scripts (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  name           VARCHAR(128) NOT NULL,
  description    VARCHAR(512),
  current_version INT         NOT NULL DEFAULT 0,
  created_at     DATETIME(3)  NOT NULL,
  CONSTRAINT uq_scripts_name UNIQUE (name)
);

CREATE TABLE script_versions (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  script_id      BIGINT       NOT NULL,
  version_no     INT          NOT NULL,
  body           MEDIUMTEXT   NOT NULL,           -- the talk track as uploaded (YAML)
  created_by     BIGINT,
  created_at     DATETIME(3)  NOT NULL,
  CONSTRAINT uq_script_versions UNIQUE (script_id, version_no),
  CONSTRAINT fk_script_versions_script FOREIGN KEY (script_id) REFERENCES scripts (id)
);

CREATE TABLE campaigns (
  id                    BIGINT AUTO_INCREMENT PRIMARY KEY,
  name                  VARCHAR(128) NOT NULL,
  status                VARCHAR(16)  NOT NULL DEFAULT 'DRAFT', -- DRAFT, SCHEDULED, RUNNING, PAUSED, COMPLETED, STOPPED
  status_reason         VARCHAR(512),
  dialing_mode          VARCHAR(16)  NOT NULL DEFAULT 'PREDICTIVE', -- PREDICTIVE, PROGRESSIVE, PREVIEW, POWER, AGENTLESS
  mode_factor           DECIMAL(6,3) NOT NULL DEFAULT 1.000,  -- progressive factor / power lines per agent
  script_id             BIGINT,
  script_version        INT,
  caller_id             VARCHAR(64),
  telephony             VARCHAR(16)  NOT NULL DEFAULT 'SIMULATED', -- SIMULATED, ASTERISK
  default_region        CHAR(2)      NOT NULL DEFAULT 'US',
  window_days           VARCHAR(32)  NOT NULL DEFAULT 'MON,TUE,WED,THU,FRI,SAT,SUN',
  window_start          TIME         NOT NULL DEFAULT '08:00:00',
  window_end            TIME         NOT NULL DEFAULT '21:00:00',
  holidays              TEXT,                                 -- ISO dates, comma separated
  max_attempts          INT          NOT NULL DEFAULT 5,
  max_attempts_per_day  INT          NOT NULL DEFAULT 2,
  retry_busy_s          INT          NOT NULL DEFAULT 900,
  retry_no_answer_s     INT          NOT NULL DEFAULT 3600,
  retry_machine_s       INT          NOT NULL DEFAULT 14400,
  retry_abandoned_s     INT          NOT NULL DEFAULT 259200, -- 72 h: an abandoned number is not redialled sooner
  retry_failed_s        INT          NOT NULL DEFAULT 86400,
  abandon_target        DECIMAL(6,4) NOT NULL DEFAULT 0.0300,
  abandon_window        VARCHAR(8)   NOT NULL DEFAULT '30D',  -- 30D or 24H
  connect_timeout_ms    INT          NOT NULL DEFAULT 2000,   -- live answer must reach an agent within this
  ring_timeout_s        INT          NOT NULL DEFAULT 22,
  amd_enabled           BOOLEAN      NOT NULL DEFAULT FALSE,
  amd_action            VARCHAR(16)  NOT NULL DEFAULT 'HANGUP', -- HANGUP, LEAVE_MESSAGE, PASS_TO_AGENT
  recording             BOOLEAN      NOT NULL DEFAULT FALSE,
  lead_order            VARCHAR(16)  NOT NULL DEFAULT 'NEW_FIRST', -- NEW_FIRST, OLDEST_FIRST, PRIORITY, RANDOM
  expected_talk_s       INT          NOT NULL DEFAULT 120,
  expected_live_rate    DECIMAL(6,4) NOT NULL DEFAULT 0.2500,
  scheduled_start       DATETIME(3),
  scheduled_stop        DATETIME(3),
  grading_weights       TEXT,                                 -- per-campaign scoring weights (JSON)
  created_at            DATETIME(3)  NOT NULL,
  updated_at            DATETIME(3)  NOT NULL,
  row_version           INT          NOT NULL DEFAULT 0,
  CONSTRAINT uq_campaigns_name UNIQUE (name),
  CONSTRAINT fk_campaigns_script FOREIGN KEY (script_id) REFERENCES scripts (id)
);

CREATE TABLE lead_lists (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  campaign_id    BIGINT       NOT NULL,
  name           VARCHAR(255) NOT NULL,
  source_file    VARCHAR(1024),
  active         BOOLEAN      NOT NULL DEFAULT TRUE,
  created_at     DATETIME(3)  NOT NULL,
  CONSTRAINT fk_lead_lists_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id)
);
CREATE INDEX ix_lead_lists_campaign ON lead_lists (campaign_id);

CREATE TABLE leads (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  campaign_id      BIGINT       NOT NULL,
  list_id          BIGINT,
  phone_e164       VARCHAR(20)  NOT NULL,
  phone_type       VARCHAR(16),                   -- MOBILE, FIXED_LINE, FIXED_LINE_OR_MOBILE, VOIP, ...
  alt_phones       VARCHAR(255),                  -- further E.164 numbers, comma separated
  region           CHAR(2),
  time_zone        VARCHAR(64),                   -- IANA id the calling window is checked in
  first_name       VARCHAR(128),
  last_name        VARCHAR(128),
  email            VARCHAR(255),
  company          VARCHAR(255),
  attributes       TEXT,                          -- every other imported column (JSON object)
  customer_since   DATE,
  last_purchase    DATE,
  churned_at       DATE,
  customer_status  VARCHAR(64),
  status           VARCHAR(16)  NOT NULL DEFAULT 'NEW', -- NEW, DIALING, RETRY, CALLBACK, DONE, DNC, EXHAUSTED
  priority         INT          NOT NULL DEFAULT 0,
  attempt_count    INT          NOT NULL DEFAULT 0,
  attempts_today   INT          NOT NULL DEFAULT 0,
  attempts_day     DATE,                          -- the local day attempts_today counts
  last_attempt_at  DATETIME(3),
  next_attempt_at  DATETIME(3),
  last_result      VARCHAR(16),
  last_disposition VARCHAR(32),
  locked_by        VARCHAR(64),                   -- service instance holding it in its hopper
  locked_until     DATETIME(3),
  interest_score   INT,
  interest_grade   CHAR(1),
  grade_reason     VARCHAR(1024),
  lost_status      VARCHAR(16),                   -- ACTIVE, AT_RISK, LOST, NEVER
  lost_since       DATE,
  lost_reason      VARCHAR(512),
  import_job_id    BIGINT,
  import_row       BIGINT,
  created_at       DATETIME(3)  NOT NULL,
  updated_at       DATETIME(3)  NOT NULL,
  CONSTRAINT uq_leads_campaign_phone UNIQUE (campaign_id, phone_e164),
  CONSTRAINT fk_leads_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id),
  CONSTRAINT fk_leads_list FOREIGN KEY (list_id) REFERENCES lead_lists (id)
);
CREATE INDEX ix_leads_hopper ON leads (campaign_id, status, next_attempt_at);
CREATE INDEX ix_leads_grade ON leads (campaign_id, interest_grade, interest_score);
CREATE INDEX ix_leads_import ON leads (import_job_id, import_row);

-- scope_campaign_id 0 is the global list; otherwise the campaign's own list.
CREATE TABLE dnc_numbers (
  id                 BIGINT AUTO_INCREMENT PRIMARY KEY,
  phone_e164         VARCHAR(20)  NOT NULL,
  scope_campaign_id  BIGINT       NOT NULL DEFAULT 0,
  source             VARCHAR(16)  NOT NULL,       -- IMPORT, AGENT, ROBOT, API
  reason             VARCHAR(255),
  created_at         DATETIME(3)  NOT NULL,
  CONSTRAINT uq_dnc UNIQUE (phone_e164, scope_campaign_id)
);

CREATE TABLE dispositions (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  scope_campaign_id BIGINT    NOT NULL DEFAULT 0, -- 0: offered in every campaign
  code           VARCHAR(32)  NOT NULL,
  label          VARCHAR(128) NOT NULL,
  effect         VARCHAR(16)  NOT NULL,           -- FINAL, RETRY, DNC, CALLBACK
  is_sale        BOOLEAN      NOT NULL DEFAULT FALSE,
  sort_order     INT          NOT NULL DEFAULT 0,
  CONSTRAINT uq_dispositions UNIQUE (scope_campaign_id, code)
);

INSERT INTO dispositions (scope_campaign_id, code, label, effect, is_sale, sort_order) VALUES
  (0, 'SALE',           'Sale',             'FINAL',    TRUE,  10),
  (0, 'INTERESTED',     'Interested',       'FINAL',    FALSE, 20),
  (0, 'CALLBACK',       'Call back',        'CALLBACK', FALSE, 30),
  (0, 'NOT_INTERESTED', 'Not interested',   'FINAL',    FALSE, 40),
  (0, 'DO_NOT_CALL',    'Do not call',      'DNC',      FALSE, 50),
  (0, 'WRONG_NUMBER',   'Wrong number',     'FINAL',    FALSE, 60),
  (0, 'NO_DECISION',    'No decision yet',  'RETRY',    FALSE, 70);

CREATE TABLE call_attempts (
  id                BIGINT AUTO_INCREMENT PRIMARY KEY,
  campaign_id       BIGINT       NOT NULL,
  lead_id           BIGINT       NOT NULL,
  phone_e164        VARCHAR(20)  NOT NULL,
  attempt_no        INT          NOT NULL,
  dialing_mode      VARCHAR(16)  NOT NULL,
  state             VARCHAR(16)  NOT NULL,        -- DIALING, RINGING, ANSWERED, BRIDGED, ROBOT, ENDED
  result            VARCHAR(16),                  -- HUMAN, MACHINE, BUSY, NO_ANSWER, CONGESTION, FAILED, REJECTED, INVALID
  hangup_cause      INT,
  hangup_cause_text VARCHAR(64),
  amd_status        VARCHAR(16),                  -- HUMAN, MACHINE, NOTSURE, HANGUP
  amd_cause         VARCHAR(64),
  agent_id          BIGINT,
  server_name       VARCHAR(64),
  channel           VARCHAR(128),
  unique_id         VARCHAR(64),
  linked_id         VARCHAR(64),
  recording_path    VARCHAR(1024),
  abandoned         BOOLEAN      NOT NULL DEFAULT FALSE,
  abandon_reason    VARCHAR(32),                  -- NO_AGENT, AMD_FALSE_POSITIVE, ...
  wait_ms           INT,                          -- live answer to bridge
  talk_s            INT,
  wrap_s            INT,
  disposition_code  VARCHAR(32),
  notes             TEXT,
  instance_id       VARCHAR(64),                  -- service instance that placed it
  placed_at         DATETIME(3)  NOT NULL,
  ringing_at        DATETIME(3),
  answered_at       DATETIME(3),
  bridged_at        DATETIME(3),
  ended_at          DATETIME(3),
  wrap_ended_at     DATETIME(3),
  CONSTRAINT fk_attempts_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id),
  CONSTRAINT fk_attempts_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);
CREATE INDEX ix_attempts_campaign_time ON call_attempts (campaign_id, placed_at);
CREATE INDEX ix_attempts_lead ON call_attempts (lead_id);
CREATE INDEX ix_attempts_open ON call_attempts (state, instance_id);
CREATE INDEX ix_attempts_agent ON call_attempts (agent_id, placed_at);
CREATE INDEX ix_attempts_unique ON call_attempts (unique_id);

CREATE TABLE conversation_turns (
  id              BIGINT AUTO_INCREMENT PRIMARY KEY,
  attempt_id      BIGINT       NOT NULL,
  lead_id         BIGINT       NOT NULL,
  turn_no         INT          NOT NULL,
  node_id         VARCHAR(64)  NOT NULL,
  prompt          TEXT,
  transcript      TEXT,
  intent          VARCHAR(32),
  confidence      DECIMAL(5,4),
  points          INT          NOT NULL DEFAULT 0,
  is_question     BOOLEAN      NOT NULL DEFAULT FALSE,
  started_at      DATETIME(3)  NOT NULL,
  ended_at        DATETIME(3),
  listen_ms       INT,
  latency_ms      INT,                            -- end of speech to intent
  CONSTRAINT fk_turns_attempt FOREIGN KEY (attempt_id) REFERENCES call_attempts (id)
);
CREATE INDEX ix_turns_attempt ON conversation_turns (attempt_id, turn_no);
CREATE INDEX ix_turns_lead ON conversation_turns (lead_id);

CREATE TABLE callbacks (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  campaign_id    BIGINT       NOT NULL,
  lead_id        BIGINT       NOT NULL,
  agent_id       BIGINT,                          -- NULL: any agent may take it
  due_at         DATETIME(3)  NOT NULL,           -- UTC instant of the callee's local time asked for
  time_zone      VARCHAR(64),
  source         VARCHAR(16)  NOT NULL,           -- AGENT, ROBOT, API
  note           VARCHAR(1024),
  status         VARCHAR(16)  NOT NULL DEFAULT 'PENDING', -- PENDING, FIRED, DONE, MISSED, CANCELLED
  attempt_id     BIGINT,                          -- the attempt that booked it
  fired_at       DATETIME(3),
  created_at     DATETIME(3)  NOT NULL,
  CONSTRAINT fk_callbacks_campaign FOREIGN KEY (campaign_id) REFERENCES campaigns (id),
  CONSTRAINT fk_callbacks_lead FOREIGN KEY (lead_id) REFERENCES leads (id)
);
CREATE INDEX ix_callbacks_due ON callbacks (status, due_at);
CREATE INDEX ix_callbacks_lead ON callbacks (lead_id);

CREATE TABLE agent_state_log (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  agent_id       BIGINT       NOT NULL,
  campaign_id    BIGINT,
  state          VARCHAR(16)  NOT NULL,           -- LOGGED_OUT, READY, ON_CALL, WRAP_UP, PAUSED
  reason         VARCHAR(64),
  attempt_id     BIGINT,
  started_at     DATETIME(3)  NOT NULL,
  ended_at       DATETIME(3),
  CONSTRAINT fk_agent_state_agent FOREIGN KEY (agent_id) REFERENCES users (id)
);
CREATE INDEX ix_agent_state_agent ON agent_state_log (agent_id, started_at);
CREATE INDEX ix_agent_state_campaign ON agent_state_log (campaign_id, started_at);

CREATE TABLE import_jobs (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  kind             VARCHAR(8)   NOT NULL,         -- LEADS, DNC
  campaign_id      BIGINT,
  list_id          BIGINT,
  batch_execution_id BIGINT,                      -- Spring Batch job execution
  file_name        VARCHAR(512) NOT NULL,
  file_path        VARCHAR(1024),
  file_format      VARCHAR(8),                    -- CSV, TSV, XLSX
  encoding         VARCHAR(16),
  region           CHAR(2),
  dedupe_policy    VARCHAR(8),                    -- SKIP, UPDATE
  status           VARCHAR(16)  NOT NULL,         -- STARTING, RUNNING, COMPLETED, FAILED, STOPPED
  rows_total       BIGINT,
  rows_read        BIGINT       NOT NULL DEFAULT 0,
  rows_imported    BIGINT       NOT NULL DEFAULT 0,
  rows_updated     BIGINT       NOT NULL DEFAULT 0,
  rows_duplicate   BIGINT       NOT NULL DEFAULT 0,
  rows_dnc         BIGINT       NOT NULL DEFAULT 0,
  rows_rejected    BIGINT       NOT NULL DEFAULT 0,
  message          VARCHAR(1024),
  started_at       DATETIME(3)  NOT NULL,
  ended_at         DATETIME(3)
);

CREATE TABLE import_row_errors (
  id               BIGINT AUTO_INCREMENT PRIMARY KEY,
  import_job_id    BIGINT       NOT NULL,
  row_no           BIGINT       NOT NULL,
  field_name       VARCHAR(128),
  reason_code      VARCHAR(32)  NOT NULL,         -- BAD_PHONE, MISSING_PHONE, COLUMN_COUNT, BAD_ENCODING, DUPLICATE, DNC
  reason           VARCHAR(512) NOT NULL,
  raw_text         TEXT,
  CONSTRAINT fk_row_errors_job FOREIGN KEY (import_job_id) REFERENCES import_jobs (id)
);
CREATE INDEX ix_row_errors_job ON import_row_errors (import_job_id, row_no);

CREATE TABLE audit_log (
  id             BIGINT AUTO_INCREMENT PRIMARY KEY,
  user_id        BIGINT,
  username       VARCHAR(64),
  action         VARCHAR(64)  NOT NULL,           -- e.g. RECORDING_PLAYED, REPORT_EXPORTED
  target         VARCHAR(255),
  details        TEXT,
  at_time        DATETIME(3)  NOT NULL
);
CREATE INDEX ix_audit_time ON audit_log (at_time);
