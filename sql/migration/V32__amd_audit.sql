-- Answering-machine detection's false MACHINE verdicts (people hung up on, each an abandoned call): the share the
-- campaign states (NULL: unknown, the audit measures it) and the share of MACHINE verdicts passed to an agent who
-- marks person or machine.
ALTER TABLE campaigns ADD COLUMN amd_false_machine_share DECIMAL(6,4) NULL;
ALTER TABLE campaigns ADD COLUMN amd_audit_share DECIMAL(6,4) NOT NULL DEFAULT 0.0200;
