-- What earlier days learnt of a campaign's answer share per list and hour of day (in the campaign's zone): a day
-- starts dialling from these instead of the manager's expected live rate. list_id 0 holds leads without a list.
CREATE TABLE answer_rate_priors (
  campaign_id    BIGINT       NOT NULL,
  list_id        BIGINT       NOT NULL,
  hour_of_day    INT          NOT NULL,
  dials          BIGINT       NOT NULL,
  routable       BIGINT       NOT NULL,
  updated_at     DATETIME(3)  NOT NULL,
  PRIMARY KEY (campaign_id, list_id, hour_of_day)
);
