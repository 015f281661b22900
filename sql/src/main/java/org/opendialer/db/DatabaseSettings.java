package org.opendialer.db;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * Where the database is and how to log in.
 *
 * <p>With nothing configured the dialer runs on an embedded H2 database in MySQL mode under
 * {@code ./data/}. Production points {@code DIALER_DB_URL} at MySQL 8 or MariaDB 10.6+.
 */
public record DatabaseSettings(String url, String user, String password) {

    public static final String URL_KEY = "DIALER_DB_URL";
    public static final String USER_KEY = "DIALER_DB_USER";
    public static final String PASSWORD_KEY = "DIALER_DB_PASSWORD";

    /** H2 options that make it accept the MySQL dialect the migrations are written in. */
    public static final String H2_MYSQL_OPTIONS = ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE";

    /** WRITE_DELAY=0: every commit reaches the file at once, so a killed server loses no attempt it recorded. */
    public static final String EMBEDDED_URL = "jdbc:h2:file:./data/dialer" + H2_MYSQL_OPTIONS + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";

    /** Where the embedded database's files are, relative to the working folder. */
    public static final Path EMBEDDED_FOLDER = Path.of("data");

    static {
        // H2 reads this once, when its first class loads: every H2 server this process starts (AUTO_SERVER
        // included, which otherwise listens on all interfaces) binds to loopback unless the operator said otherwise
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    public DatabaseSettings {
        Objects.requireNonNull(url, "url");
        if (!url.startsWith("jdbc:")) {
            throw new IllegalArgumentException(URL_KEY + " must be a JDBC URL such as "
                    + "jdbc:mysql://127.0.0.1:3306/dialer, not '" + url + "'");
        }
        user = user == null ? "" : user;
        password = password == null ? "" : password;
    }

    public static DatabaseSettings embedded() {
        return new DatabaseSettings(EMBEDDED_URL, "sa", EmbeddedDatabase.password(EMBEDDED_FOLDER, EMBEDDED_URL));
    }

    /** Reads {@code DIALER_DB_URL}, {@code DIALER_DB_USER}, {@code DIALER_DB_PASSWORD}; embedded H2 when unset. */
    public static DatabaseSettings from(Map<String, String> environment) {
        String url = environment.get(URL_KEY);
        if (url == null || url.isBlank()) {
            return embedded();
        }
        return new DatabaseSettings(url.trim(), environment.get(USER_KEY), environment.get(PASSWORD_KEY));
    }

    public static DatabaseSettings fromEnvironment() {
        return from(System.getenv());
    }

    public boolean isEmbedded() {
        return url.startsWith("jdbc:h2:");
    }

    /** The dialer's own embedded database under {@code ./data}. */
    public boolean isDefaultEmbedded() {
        return EMBEDDED_URL.equals(url);
    }

    public boolean isMySqlFamily() {
        return url.startsWith("jdbc:mysql:") || url.startsWith("jdbc:mariadb:");
    }

    /** The URL with any password parameter blanked, for messages and logs. */
    public String safeUrl() {
        return url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
