package org.opendialer.service.db;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.opendialer.db.DatabaseSettings;
import org.opendialer.db.Databases;
import org.opendialer.db.SchemaMigrator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Opens the database named by {@code dialer.db.*} (set from the CLI's --db-url or DIALER_DB_URL;
 * embedded H2 when unset) and migrates it, so a bad setting fails start-up with one clear line.
 */
@Configuration(proxyBeanMethods = false)
public class DatabaseConfiguration {

    @Bean(destroyMethod = "close")
    @Primary
    public HikariDataSource dataSource(DatabaseProperties db) {
        DatabaseSettings settings = db.url().isBlank() ? DatabaseSettings.embedded()
                : new DatabaseSettings(db.url(), db.user(), db.password());
        HikariDataSource dataSource = Databases.open(settings, 20);
        try {
            new SchemaMigrator(dataSource).migrate();
        } catch (RuntimeException e) {
            dataSource.close();
            throw e;
        }
        return dataSource;
    }

    @Bean
    public TransactionTemplate transactionTemplate(PlatformTransactionManager transactions) {
        return new TransactionTemplate(transactions);
    }

    /** Named so that beans can depend on the schema being in place. */
    @Bean
    public SchemaReady schemaReady(DataSource dataSource) {
        return new SchemaReady(new SchemaMigrator(dataSource).currentVersion().orElse("none"));
    }

    public record SchemaReady(String version) {
    }
}
