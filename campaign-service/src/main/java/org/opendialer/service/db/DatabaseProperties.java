package org.opendialer.service.db;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The database ({@code dialer.db.*}, set from the command line's --db-url or DIALER_DB_URL).
 *
 * @param url blank for the embedded H2 database
 */
@ConfigurationProperties("dialer.db")
public record DatabaseProperties(@DefaultValue("") String url, @DefaultValue("") String user, @DefaultValue("") String password) {
}
