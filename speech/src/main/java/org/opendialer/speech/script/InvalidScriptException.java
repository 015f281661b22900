package org.opendialer.speech.script;

import java.util.List;
import java.util.stream.Collectors;

/** A talk track that cannot be used, with every problem found. */
public class InvalidScriptException extends RuntimeException {

    private final List<ScriptProblem> problems;

    public InvalidScriptException(String file, List<ScriptProblem> problems) {
        super(file + ": " + problems.stream().map(ScriptProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ScriptProblem> problems() {
        return problems;
    }
}
