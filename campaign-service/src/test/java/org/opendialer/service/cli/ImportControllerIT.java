package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
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

            String progress = await("the import completes").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                    .until(() -> http.send(Api.asAdmin(base + "/" + id).build(), HttpResponse.BodyHandlers.ofString()).body(),
                            answer -> answer.contains("\"status\":\"COMPLETED\""));
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

    private static ConfigurableApplicationContext serve(String... springArgs) {
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:import" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = new java.util.ArrayList<>(List.of("--server.port=0"));
        serve.springArgs.addAll(List.of(springArgs));
        return serve.start();
    }

    /** A list of {@code rows} leads as a multipart body, about 60 bytes a row. */
    private static byte[] multipartList(String boundary, int rows) {
        StringBuilder body = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"big.csv\"\r\nContent-Type: text/csv\r\n\r\nphone,first_name,notes\n");
        for (int i = 0; i < rows; i++) {
            body.append(String.format("+1415%07d,Lead%d,a note of some thirty characters%n", 2_000_000 + i, i));
        }
        return body.append("\r\n--").append(boundary).append("--\r\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> upload(ConfigurableApplicationContext context, long campaign, byte[] body, String boundary)
            throws Exception {
        String url = "http://localhost:" + context.getEnvironment().getRequiredProperty("local.server.port")
                + "/api/imports?campaignId=" + campaign;
        return http.send(Api.asAdmin(url).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static long campaign(ConfigurableApplicationContext context) {
        JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
        Timestamp now = Timestamp.from(Instant.now());
        jdbc.update("INSERT INTO campaigns (name, created_at, updated_at) VALUES ('big', ?, ?)", now, now);
        return jdbc.queryForObject("SELECT id FROM campaigns WHERE name = 'big'", Long.class);
    }

    @Test
    void aListOfSeveralMegabytesUploadsAndIsImported() throws Exception {
        try (ConfigurableApplicationContext context = serve()) {
            long campaign = campaign(context);
            String boundary = "----dialer" + UUID.randomUUID();
            byte[] body = multipartList(boundary, 45_000);
            assertThat(body.length).isGreaterThan(2_500_000);

            HttpResponse<String> accepted = upload(context, campaign, body, boundary);

            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            long id = Long.parseLong(accepted.body().replaceAll(".*\"importJobId\":(\\d+).*", "$1"));
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(120)).until(() ->
                    !List.of("STARTING", "RUNNING").contains(jdbc.queryForObject("SELECT status FROM import_jobs WHERE id = ?", String.class, id)));
            assertThat(jdbc.queryForMap("SELECT status, rows_imported FROM import_jobs WHERE id = ?", id))
                    .containsEntry("status", "COMPLETED").containsEntry("rows_imported", 45_000L);
        }
    }

    @Test
    void aFileOverTheConfiguredLimitIsRefusedWith413AndAPlainMessage() throws Exception {
        try (ConfigurableApplicationContext context = serve("--spring.servlet.multipart.max-file-size=1MB",
                "--spring.servlet.multipart.max-request-size=1MB")) {
            long campaign = campaign(context);
            String boundary = "----dialer" + UUID.randomUUID();

            HttpResponse<String> refused = upload(context, campaign, multipartList(boundary, 45_000), boundary);

            assertThat(refused.statusCode()).isEqualTo(413);
            assertThat(refused.body()).isEqualTo("{\"error\":\"the file is larger than the upload limit of 1 MB; split the "
                    + "list, or ask the administrator to raise the limit\"}");
            assertThat(upload(context, campaign, multipartList(boundary, 100), boundary).statusCode()).isEqualTo(202);
        }
    }
}
