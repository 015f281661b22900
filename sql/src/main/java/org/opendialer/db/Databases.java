package org.opendialer.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.pool.HikariPool;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Opens a pooled connection to the configured database and checks it answers before anyone relies on it. */
public final class Databases {

    private Databases() {
    }

    public static HikariDataSource open(DatabaseSettings settings) {
        return open(settings, 10);
    }

    public static HikariDataSource open(DatabaseSettings settings, int maxPoolSize) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.url());
        // an empty user would override one given in the URL (jdbc:mysql://...?user=root)
        if (!settings.user().isEmpty()) {
            config.setUsername(settings.user());
            config.setPassword(settings.password());
        }
        config.setMaximumPoolSize(maxPoolSize);
        config.setPoolName("dialer-db");
        config.setConnectionTimeout(10_000);
        // one try at start-up: a wrong URL should fail now, not after retries
        config.setInitializationFailTimeout(1);
        try {
            HikariDataSource dataSource = new HikariDataSource(config);
            check(dataSource, settings);
            if (settings.isDefaultEmbedded()) {
                EmbeddedDatabase.protectFiles(DatabaseSettings.EMBEDDED_FOLDER);
            }
            return dataSource;
        } catch (HikariPool.PoolInitializationException e) {
            throw explain(settings, e.getCause() instanceof SQLException sql ? sql : null, e);
        } catch (RuntimeException e) {
            if (e instanceof DatabaseStartupException) {
                throw e;
            }
            throw explain(settings, null, e);
        }
    }

    private static void check(DataSource dataSource, DatabaseSettings settings) {
        try (Connection connection = dataSource.getConnection()) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw explain(settings, e, e);
        }
    }

    /** Turns a driver failure into one line naming the setting to change. */
    static DatabaseStartupException explain(DatabaseSettings settings, SQLException sql, Throwable cause) {
        String state = sql == null ? "" : String.valueOf(sql.getSQLState());
        int code = sql == null ? 0 : sql.getErrorCode();
        String detail = rootMessage(cause);
        String message;
        if (code == 1045 || state.startsWith("28") || detail.contains("Access denied") || detail.contains("Wrong user name or password")) {
            message = "Database refused user '" + settings.user() + "' at " + settings.safeUrl()
                    + " (wrong credentials): set " + DatabaseSettings.USER_KEY + " and " + DatabaseSettings.PASSWORD_KEY + ".";
        } else if (code == 1049 || detail.contains("Unknown database")) {
            message = "Database named in " + settings.safeUrl() + " does not exist: create it (CREATE DATABASE ...) or fix "
                    + DatabaseSettings.URL_KEY + ".";
        } else if (state.startsWith("08") || detail.contains("Communications link failure") || detail.contains("Connection refused")) {
            message = "Cannot reach the database at " + settings.safeUrl() + ": start the server or fix "
                    + DatabaseSettings.URL_KEY + " (" + detail + ").";
        } else if (detail.contains("No suitable driver")) {
            message = "No JDBC driver for " + settings.safeUrl() + ": " + DatabaseSettings.URL_KEY
                    + " must start with jdbc:mysql:, jdbc:mariadb: or jdbc:h2:.";
        } else {
            message = "Cannot open the database at " + settings.safeUrl() + ": " + detail
                    + " (check " + DatabaseSettings.URL_KEY + ").";
        }
        return new DatabaseStartupException(message, cause);
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return text.lines().findFirst().orElse(text).trim();
    }
}
