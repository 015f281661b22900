package org.opendialer.engine.call;

/** Answering-machine detection verdict, as Asterisk's AMD() reports it in AMDSTATUS. */
public enum AmdStatus {
    HUMAN, MACHINE, NOTSURE, HANGUP
}
