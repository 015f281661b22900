-- An agent's own grade for a lead (意向客户 A-D), set or corrected on the screen pop with a reason. It stands over the
-- computed grade in every report and is kept when leads are graded again; who set it and when is also in audit_log.
ALTER TABLE leads ADD COLUMN agent_grade CHAR(1);
ALTER TABLE leads ADD COLUMN agent_grade_reason VARCHAR(512);
ALTER TABLE leads ADD COLUMN agent_grade_by BIGINT;
ALTER TABLE leads ADD COLUMN agent_grade_at DATETIME(3);
