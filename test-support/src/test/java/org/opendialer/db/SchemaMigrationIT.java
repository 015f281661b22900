package org.opendialer.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.opendialer.testing.TestDatabase;

class SchemaMigrationIT {

    static List<String> databases() {
        return TestDatabase.kinds();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migrationsCreateTheWholeSchemaIncludingBatchAndQuartzTables(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            for (String table : List.of("campaigns", "leads", "lead_lists", "dnc_numbers", "call_attempts", "dispositions",
                    "users", "agent_state_log", "scripts", "script_versions", "conversation_turns", "callbacks",
                    "import_jobs", "import_row_errors", "BATCH_JOB_EXECUTION", "QRTZ_TRIGGERS", "QRTZ_LOCKS")) {
                assertThat(count(db, "SELECT COUNT(*) FROM " + table)).as(table).isGreaterThanOrEqualTo(0);
            }
            assertThat(count(db, "SELECT COUNT(*) FROM dispositions WHERE effect = 'DNC'")).isEqualTo(1);
            assertThat(new SchemaMigrator(db.dataSource()).currentVersion()).hasValue(new SchemaMigrator(db.dataSource()).latestKnownVersion());
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void migratingTwiceChangesNothing(String kind) {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            assertThat(new SchemaMigrator(db.dataSource()).migrate().migrationsExecuted).isZero();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void aSchemaNewerThanTheCodeStopsStartUpWithOneClearLine(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated()) {
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, checksum,"
                        + " installed_by, installed_on, execution_time, success) VALUES (99, '99', 'from the future', 'SQL',"
                        + " 'V99__from_the_future.sql', 0, 'test', CURRENT_TIMESTAMP, 1, TRUE)");
            }
            assertThatThrownBy(() -> new SchemaMigrator(db.dataSource()).migrate())
                    .isInstanceOf(DatabaseStartupException.class)
                    .hasMessageContaining("version 99")
                    .hasMessageContaining("newer than this dialer");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("databases")
    void leadsKeepChineseTextIntact(String kind) throws Exception {
        try (TestDatabase db = TestDatabase.create(kind).migrated();
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("INSERT INTO campaigns (name, created_at, updated_at) VALUES ('c', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)");
            s.executeUpdate("INSERT INTO leads (campaign_id, phone_e164, first_name, created_at, updated_at)"
                    + " SELECT id, '+8613800138000', '王小明', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM campaigns");
            try (ResultSet rs = s.executeQuery("SELECT first_name FROM leads")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("王小明");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void unreachableDatabaseIsReportedWithTheSettingToFix() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of(DatabaseSettings.URL_KEY,
                "jdbc:mysql://127.0.0.1:1/dialer?connectTimeout=500", DatabaseSettings.USER_KEY, "root"));
        assertThatThrownBy(() -> Databases.open(settings))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageStartingWith("Cannot reach the database at jdbc:mysql://127.0.0.1:1/dialer")
                .hasMessageContaining("DIALER_DB_URL");
    }

    @org.junit.jupiter.api.Test
    void wrongCredentialsAreReportedAsSuch() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TestDatabase.mysqlConfigured(), "needs " + TestDatabase.MYSQL_URL_ENV);
        String url = System.getenv(TestDatabase.MYSQL_URL_ENV).replaceAll("\\?.*$", "");
        DatabaseSettings settings = new DatabaseSettings(url, "no_such_user", "wrong");
        assertThatThrownBy(() -> Databases.open(settings))
                .isInstanceOf(DatabaseStartupException.class)
                .hasMessageContaining("wrong credentials")
                .hasMessageContaining("DIALER_DB_USER");
    }

    @org.junit.jupiter.api.Test
    void nothingConfiguredMeansTheEmbeddedDatabase() {
        DatabaseSettings settings = DatabaseSettings.from(Map.of());
        assertThat(settings.isEmbedded()).isTrue();
        assertThat(settings.url()).startsWith("jdbc:h2:file:./data/");
    }

    private static long count(TestDatabase db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
