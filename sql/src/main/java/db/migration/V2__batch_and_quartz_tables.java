package db.migration;

import java.sql.Connection;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.EncodedResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates the Spring Batch and Quartz (JDBC job store) tables from the official schema scripts that
 * ship inside their jars, picking the script for the database at hand. Copying those scripts into
 * {@code sql/migration} would freeze them at one library version and one dialect.
 */
public class V2__batch_and_quartz_tables extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        boolean h2 = product.contains("h2");
        run(connection, h2 ? "org/springframework/batch/core/schema-h2.sql"
                : "org/springframework/batch/core/schema-mysql.sql");
        run(connection, h2 ? "org/quartz/impl/jdbcjobstore/tables_h2.sql"
                : "org/quartz/impl/jdbcjobstore/tables_mysql_innodb.sql");
    }

    private static void run(Connection connection, String script) {
        ClassPathResource resource = new ClassPathResource(script);
        if (!resource.exists()) {
            throw new IllegalStateException("Official schema script " + script + " is missing from the classpath");
        }
        ScriptUtils.executeSqlScript(connection, new EncodedResource(resource, "UTF-8"), false, false,
                new String[] {"--", "#"}, ScriptUtils.DEFAULT_STATEMENT_SEPARATOR,
                ScriptUtils.DEFAULT_BLOCK_COMMENT_START_DELIMITER, ScriptUtils.DEFAULT_BLOCK_COMMENT_END_DELIMITER);
    }
}
