package org.opendialer.service.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Callable;
import org.opendialer.db.DatabaseSettings;
import org.opendialer.db.Databases;
import org.opendialer.db.SchemaMigrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Create or upgrade the database schema (sql/migration) and report its version.")
public class MigrateCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        DatabaseSettings settings = database.settings();
        try (HikariDataSource dataSource = Databases.open(settings, 2)) {
            SchemaMigrator migrator = new SchemaMigrator(dataSource);
            int applied = migrator.migrate().migrationsExecuted;
            spec.commandLine().getOut().printf("Database %s: schema at version %s (%d migration%s applied now)%n",
                    settings.safeUrl(), migrator.currentVersion().orElse("none"), applied, applied == 1 ? "" : "s");
        }
        return 0;
    }
}
