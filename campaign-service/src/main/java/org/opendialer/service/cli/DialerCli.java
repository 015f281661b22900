package org.opendialer.service.cli;

import java.io.PrintWriter;
import org.opendialer.db.DatabaseStartupException;
import org.opendialer.service.security.UnsafeStartException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** Entry point of {@code java -jar dialer.jar <command>}. */
@Command(name = "dialer", mixinStandardHelpOptions = true, version = "dialer 0.1.0",
        description = "Outbound predictive and AI dialer.",
        subcommands = {ServeCommand.class, MigrateCommand.class, DemoCommand.class, SimulateCommand.class, ImportCommand.class,
                ReportCommand.class, BenchCommand.class, RobotCommand.class, IntentCommand.class, ScriptCommand.class,
                CommandLine.HelpCommand.class})
public class DialerCli implements Runnable {

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        int code = run(args);
        if (code != ServeCommand.KEEP_RUNNING) {
            System.exit(code);
        }
    }

    /** Runs one command and returns its exit code; never calls System.exit, so tests can call it. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new DialerCli());
        commandLine.setExecutionExceptionHandler(DialerCli::reportFailure);
        commandLine.setParameterExceptionHandler(DialerCli::reportMisuse);
        return commandLine;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing command: choose one of "
                + String.join(", ", spec.subcommands().keySet()));
    }

    /** Wrong words on the command line: say what was wrong, then how the command is used; exit code 2. */
    private static int reportMisuse(CommandLine.ParameterException error, String[] args) {
        CommandLine culprit = error.getCommandLine();
        PrintWriter err = culprit.getErr();
        err.println(error.getMessage());
        CommandLine.UnmatchedArgumentException.printSuggestions(error, err);
        culprit.usage(err);
        err.flush();
        return 2;
    }

    /** A failure the operator can fix is one line on stderr; anything else keeps its stack trace. */
    private static int reportFailure(Exception error, CommandLine commandLine, CommandLine.ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        Throwable cause = error;
        while (cause != null) {
            if (cause instanceof DatabaseStartupException || cause instanceof UserFacingException
                    || cause instanceof UnsafeStartException) {
                err.println("error: " + cause.getMessage());
                err.flush();
                return 1;
            }
            cause = cause.getCause();
        }
        error.printStackTrace(err);
        err.flush();
        return 1;
    }
}
