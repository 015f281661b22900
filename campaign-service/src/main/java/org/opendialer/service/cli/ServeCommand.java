package org.opendialer.service.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Start the HTTP server: REST API, web UI, live dialing, actuator health at /actuator/health.",
                "Spring properties pass through as --key=value, e.g. --server.port=9090."})
public class ServeCommand implements Callable<Integer> {

    /** Exit code that tells main() the server is up and the JVM must stay alive. */
    static final int KEEP_RUNNING = -1;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Unmatched
    List<String> springArgs = new ArrayList<>();

    @Spec
    CommandSpec spec;

    private ConfigurableApplicationContext context;

    @Override
    public Integer call() {
        context = start();
        Integer port = context.getEnvironment().getProperty("local.server.port", Integer.class);
        spec.commandLine().getOut().println("Dialer serving on http://localhost:" + port + "/ (health: /actuator/health)");
        spec.commandLine().getOut().flush();
        return KEEP_RUNNING;
    }

    ConfigurableApplicationContext start() {
        for (String arg : springArgs) {
            if (!arg.matches("--[A-Za-z][\\w.\\-\\[\\]]*=.*")) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "Unknown option '" + arg + "': serve takes --db-url/--db-user/--db-password and Spring properties as --key=value");
            }
        }
        return SpringContexts.web(database, springArgs);
    }

    /** The running server's context (after {@link #call()}), for tests and for stopping it. */
    public ConfigurableApplicationContext context() {
        return context;
    }
}
