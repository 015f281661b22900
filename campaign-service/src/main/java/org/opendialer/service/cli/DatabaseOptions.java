package org.opendialer.service.cli;

import java.util.HashMap;
import java.util.Map;
import org.opendialer.db.DatabaseSettings;
import picocli.CommandLine.Option;

/** The --db-* options every command that touches the database takes; DIALER_DB_* when absent, else embedded H2. */
public class DatabaseOptions {

    @Option(names = "--db-url", paramLabel = "JDBC_URL", description = "Database URL (default: $DIALER_DB_URL, else embedded H2 under ./data)")
    String url;

    @Option(names = "--db-user", paramLabel = "USER", description = "Database user (default: $DIALER_DB_USER)")
    String user;

    @Option(names = "--db-password", paramLabel = "PASSWORD", description = "Database password (default: $DIALER_DB_PASSWORD)")
    String password;

    public DatabaseSettings settings() {
        Map<String, String> values = new HashMap<>(System.getenv());
        if (url != null) {
            values.put(DatabaseSettings.URL_KEY, url);
            values.put(DatabaseSettings.USER_KEY, user);
            values.put(DatabaseSettings.PASSWORD_KEY, password);
        } else {
            if (user != null) {
                values.put(DatabaseSettings.USER_KEY, user);
            }
            if (password != null) {
                values.put(DatabaseSettings.PASSWORD_KEY, password);
            }
        }
        return DatabaseSettings.from(values);
    }

    /** The Spring properties that make {@code DatabaseConfiguration} open this database. */
    public Map<String, Object> springProperties() {
        DatabaseSettings settings = settings();
        Map<String, Object> properties = new HashMap<>();
        properties.put("dialer.db.url", settings.url());
        properties.put("dialer.db.user", settings.user());
        properties.put("dialer.db.password", settings.password());
        return properties;
    }
}
