package org.opendialer.service.leadimport;

/** Where an import job stands, as stored in {@code import_jobs.status} and shown in its summary. */
public enum ImportStatus {
    /** Stored, its rows not read yet. */
    STARTING,
    RUNNING,
    COMPLETED,
    FAILED;

    /** Whether the job is (or was left) in progress: a process owns it or owned it when it stopped. */
    public boolean inProgress() {
        return this == STARTING || this == RUNNING;
    }

    /** Whether the job has ended, well or not. */
    public boolean ended() {
        return this == COMPLETED || this == FAILED;
    }
}
