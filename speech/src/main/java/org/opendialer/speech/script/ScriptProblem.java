package org.opendialer.speech.script;

/** One thing wrong with a talk track: the node (or "script") and what is wrong. */
public record ScriptProblem(String node, String problem) {

    @Override
    public String toString() {
        return node + ": " + problem;
    }
}
