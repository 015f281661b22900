package org.opendialer.db;

import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Applies the migrations in {@code sql/migration} (on the classpath as {@code db/migration}).
 * The same files run on MySQL, MariaDB and H2 in MySQL mode.
 */
public final class SchemaMigrator {

    private final Flyway flyway;

    public SchemaMigrator(DataSource dataSource) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load();
    }

    /** Brings the schema to the newest version this build knows; refuses a database that is ahead of it. */
    public MigrateResult migrate() {
        refuseNewerSchema();
        return flyway.migrate();
    }

    /** The version the database is at, empty for a database never migrated. */
    public Optional<String> currentVersion() {
        MigrationInfo current = flyway.info().current();
        return Optional.ofNullable(current).map(info -> info.getVersion().getVersion());
    }

    /** The newest version this build can apply. */
    public String latestKnownVersion() {
        return Arrays.stream(flyway.info().all())
                .filter(info -> info.getState() != MigrationState.FUTURE_SUCCESS && info.getState() != MigrationState.FUTURE_FAILED)
                .map(info -> info.getVersion().getVersion())
                .reduce((first, second) -> second)
                .orElse("0");
    }

    public MigrationInfo[] history() {
        return flyway.info().applied();
    }

    private void refuseNewerSchema() {
        for (MigrationInfo info : flyway.info().applied()) {
            if (info.getState() == MigrationState.FUTURE_SUCCESS || info.getState() == MigrationState.FUTURE_FAILED) {
                throw new DatabaseStartupException("Database schema is at version " + info.getVersion()
                        + ", newer than this dialer knows (" + latestKnownVersion()
                        + "): run a dialer release at least that new, or point " + DatabaseSettings.URL_KEY
                        + " at another database.");
            }
        }
    }
}
