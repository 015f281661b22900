package org.opendialer.service.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.opendialer.service.DialerApplication;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the application's Spring context for a command: with the web server for serve, without for the rest. */
public final class SpringContexts {

    private SpringContexts() {
    }

    public static ConfigurableApplicationContext web(DatabaseOptions database, List<String> springArgs) {
        return start(WebApplicationType.SERVLET, database, Map.of(), springArgs);
    }

    public static ConfigurableApplicationContext headless(DatabaseOptions database, Map<String, Object> extra) {
        Map<String, Object> properties = new HashMap<>(Map.of("dialer.dialing.enabled", "false",
                "spring.quartz.auto-startup", "false"));
        properties.putAll(extra);
        return start(WebApplicationType.NONE, database, properties, List.of());
    }

    private static ConfigurableApplicationContext start(WebApplicationType type, DatabaseOptions database,
                                                        Map<String, Object> extra, List<String> springArgs) {
        SpringApplication application = new SpringApplication(DialerApplication.class);
        application.setWebApplicationType(type);
        application.setRegisterShutdownHook(type == WebApplicationType.SERVLET);
        Map<String, Object> defaults = new HashMap<>(database.springProperties());
        defaults.putAll(extra);
        application.setDefaultProperties(defaults);
        return application.run(springArgs.toArray(String[]::new));
    }
}
