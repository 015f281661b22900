-- What a campaign's AMD audit has counted over its days (MACHINE and PERSON verdicts, audited MACHINE verdicts and
-- the people among them), so a new day's pacing starts from the evidence earlier days gathered.
CREATE TABLE amd_audit_counts (
  campaign_id       BIGINT       NOT NULL PRIMARY KEY,
  machine_verdicts  BIGINT       NOT NULL,
  person_verdicts   BIGINT       NOT NULL,
  audits            BIGINT       NOT NULL,
  audited_people    BIGINT       NOT NULL,
  updated_at        DATETIME(3)  NOT NULL
);

-- An audited MACHINE verdict as the agent marked it: PERSON (detection hung up on a person) or MACHINE.
ALTER TABLE call_attempts ADD COLUMN amd_audit VARCHAR(8) NULL;
