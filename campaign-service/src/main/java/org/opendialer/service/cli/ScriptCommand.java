package org.opendialer.service.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.opendialer.speech.script.ScriptProblem;
import org.opendialer.speech.script.TalkTrackLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "script", mixinStandardHelpOptions = true, description = "Work with talk-track scripts.",
        subcommands = ScriptCommand.Validate.class)
public class ScriptCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "validate", mixinStandardHelpOptions = true,
            description = "Check a talk track; print every problem with its node; exit 1 when there is one.")
    static class Validate implements Callable<Integer> {

        @Parameters(paramLabel = "FILE")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file)) {
                throw new UserFacingException("no such script file: " + file);
            }
            List<ScriptProblem> problems = TalkTrackLoader.problems(Files.readString(file));
            PrintWriter out = spec.commandLine().getOut();
            if (problems.isEmpty()) {
                out.println(file + ": valid (" + TalkTrackLoader.load(file).nodes().size() + " nodes)");
                out.flush();
                return 0;
            }
            PrintWriter err = spec.commandLine().getErr();
            for (ScriptProblem p : problems) {
                err.println(file.getFileName() + ": " + p);
            }
            err.flush();
            return 1;
        }
    }
}
