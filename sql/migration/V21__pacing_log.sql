-- The campaign's pacing once a minute while it runs: dial level, lines, agents, abandon rate (for reports' charts).
CREATE TABLE pacing_log (
  campaign_id    BIGINT       NOT NULL,
  at_time        DATETIME(3)  NOT NULL,
  dial_level     DECIMAL(8,3) NOT NULL,
  lines_in_use   INT          NOT NULL,
  agents_ready   INT          NOT NULL,
  agents_busy    INT          NOT NULL,
  abandon_rate   DECIMAL(8,5) NOT NULL,
  abandon_today  DECIMAL(8,5) NOT NULL,
  PRIMARY KEY (campaign_id, at_time)
);
