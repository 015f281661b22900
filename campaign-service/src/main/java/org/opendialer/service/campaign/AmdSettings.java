package org.opendialer.service.campaign;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.opendialer.engine.dialer.MachineAction;

/**
 * Answering-machine detection: whether it runs, what a MACHINE verdict does, the share of people it is known to
 * take for machines (null: unknown, the audit measures it) and the share of verdicts passed to agents to audit.
 */
public record AmdSettings(@JsonProperty("amdEnabled") boolean enabled, @JsonProperty("amdAction") MachineAction action,
                          @JsonProperty("amdFalseMachineShare") Double falseMachineShare,
                          @JsonProperty("amdAuditShare") double auditShare) {
}
