package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

class ImportControllerIT {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void uploadsAListPollsItsProgressAndDownloadsTheRejectedRows() throws Exception {
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:import" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0");
        try (ConfigurableApplicationContext context = serve.start()) {
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            Timestamp now = Timestamp.from(Instant.now());
            jdbc.update("INSERT INTO campaigns (name, created_at, updated_at) VALUES ('web', ?, ?)", now, now);
            long campaign = jdbc.queryForObject("SELECT id FROM campaigns WHERE name = 'web'", Long.class);
            String base = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port") + "/api/imports";

            String boundary = "----dialer" + UUID.randomUUID();
            String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"leads.csv\"\r\n"
                    + "Content-Type: text/csv\r\n\r\nphone,first_name\n+14155550101,Ada\n12,Bob\n\r\n--" + boundary + "--\r\n";
            HttpResponse<String> accepted = http.send(Api.asAdmin(base + "?campaignId=" + campaign)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String id = accepted.body().replaceAll(".*\"importJobId\":(\\d+).*", "$1");

            String progress = "";
            for (int i = 0; i < 100 && !progress.contains("\"status\":\"COMPLETED\""); i++) {
                Thread.sleep(100);
                progress = http.send(Api.asAdmin(base + "/" + id).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
            }
            assertThat(progress).contains("\"percent\":100.0").contains("\"status\":\"COMPLETED\"").contains("\"imported\":1").contains("\"rejected\":1");

            HttpResponse<String> rejected = http.send(Api.asAdmin(base + "/" + id + "/rejected.csv").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(rejected.headers().firstValue("Content-Disposition")).hasValueSatisfying(v -> v.contains("rejected.csv"));
            assertThat(rejected.body()).contains("3,phone,BAD_PHONE");

            String junk = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\n\r\n"
                    + "name\nAda\n\r\n--" + boundary + "--\r\n";
            HttpResponse<String> refused = http.send(Api.asAdmin(base + "?campaignId=" + campaign)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofString(junk)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("no phone column");
            assertThat(http.send(Api.asAdmin(base + "/999").build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);
        }
    }
}
