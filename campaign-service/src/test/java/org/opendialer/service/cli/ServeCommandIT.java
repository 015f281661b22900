package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

class ServeCommandIT {

    @Test
    void serveAnswersHealthyOnTheChosenPort() throws Exception {
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:serve" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0");
        try (ConfigurableApplicationContext context = serve.start()) {
            int port = context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"status\":\"UP\"");
        }
    }
}
