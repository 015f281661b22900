package org.opendialer.service.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.Callable;
import org.opendialer.db.DatabaseSettings;
import org.opendialer.db.Databases;
import org.opendialer.db.SchemaMigrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Set up the embedded database and show what it holds.")
public class DemoCommand implements Callable<Integer> {

    private static final List<String> TABLES = List.of("campaigns", "lead_lists", "leads", "dnc_numbers", "dispositions",
            "users", "scripts", "call_attempts", "callbacks", "import_jobs");

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws SQLException {
        PrintWriter out = spec.commandLine().getOut();
        DatabaseSettings settings = database.settings();
        try (HikariDataSource dataSource = Databases.open(settings, 2)) {
            SchemaMigrator migrator = new SchemaMigrator(dataSource);
            migrator.migrate();
            out.printf("Database %s at schema version %s%n", settings.safeUrl(), migrator.currentVersion().orElse("none"));
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                for (String table : TABLES) {
                    try (ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
                        rs.next();
                        out.printf("  %-14s %,d rows%n", table, rs.getLong(1));
                    }
                }
            }
        }
        out.println("Start the server with: java -jar campaign-service/target/dialer.jar serve");
        out.flush();
        return 0;
    }
}
