package org.opendialer.speech.script;

/** What a node does besides speaking: ask and branch, hand to an agent, book a callback, record do-not-call, or end. */
public enum Action {
    ASK, TRANSFER, CALLBACK, DNC, END;

    public boolean ends() {
        return this != ASK && this != CALLBACK;
    }
}
