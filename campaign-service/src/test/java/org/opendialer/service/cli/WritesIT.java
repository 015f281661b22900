package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** A write through the API is checked whole, and by who makes it, before anything is stored; then stored whole. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WritesIT {

    private Served server;
    private long campaign;
    private long al;
    private long bo;

    @BeforeAll
    void serve() {
        server = Served.start("writes");
        al = server.user("al", "AGENT");
        bo = server.user("bo", "AGENT");
        server.user("ann", "ANALYST");
        campaign = server.campaign("writes");
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String tomorrow() {
        return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    @Test
    void aDispositionWithABadCallbackTimeIsRefusedAndLeavesNoTrace() {
        long lead = server.lead(campaign, "+14155550201", "NEW");
        long attempt = server.attempt(campaign, lead, al);
        String before = server.snapshot();

        Api.Reply reply = server.admin.post("/api/attempts/" + attempt + "/disposition",
                "{\"code\": \"CALLBACK\", \"notes\": \"call me later\", \"callbackAt\": \"tomorrow-ish\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).isEqualTo("callbackAt");
        assertThat(server.snapshot()).isEqualTo(before);
        assertThat(server.jdbc.queryForMap("SELECT disposition_code, notes FROM call_attempts WHERE id = ?", attempt))
                .containsEntry("disposition_code", null).containsEntry("notes", null);
        assertThat(server.jdbc.queryForObject("SELECT status FROM leads WHERE id = ?", String.class, lead)).isEqualTo("NEW");
    }

    @Test
    void aCampaignNamingAnUnknownTalkTrackIsNotCreated() {
        Api.Reply reply = server.admin.post("/api/campaigns", "{\"name\": \"scripted\", \"scriptId\": 424242, \"maxAttempts\": 3}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().get("field").asText()).isEqualTo("scriptId");
        assertThat(server.jdbc.queryForObject("SELECT COUNT(*) FROM campaigns WHERE name = 'scripted'", Long.class)).isZero();
        assertThat(server.admin.post("/api/campaigns", "{\"name\": \"scripted\"}").status()).as("the name is still free").isEqualTo(201);
    }

    @Test
    void anAgentKeepsACallbackForThemselvesOnly() {
        long lead = server.lead(campaign, "+14155550202", "NEW");
        long attempt = server.attempt(campaign, lead, al);
        Api agent = server.as("al");

        Api.Reply forBo = agent.post("/api/attempts/" + attempt + "/disposition",
                "{\"code\": \"CALLBACK\", \"callbackAt\": \"" + tomorrow() + "\", \"callbackForMe\": true, \"agentId\": " + bo + "}");
        assertThat(forBo.status()).isEqualTo(400);
        assertThat(forBo.json().get("field").asText()).isEqualTo("agentId");
        assertThat(server.jdbc.queryForObject("SELECT COUNT(*) FROM callbacks WHERE lead_id = ?", Long.class, lead)).isZero();
        Api.Reply directlyForBo = agent.post("/api/leads/" + lead + "/callbacks", "{\"at\": \"" + tomorrow() + "\", \"agentId\": " + bo + "}");
        assertThat(directlyForBo.status()).isEqualTo(400);
        assertThat(directlyForBo.json().get("field").asText()).isEqualTo("agentId");

        Api.Reply forMe = agent.post("/api/attempts/" + attempt + "/disposition",
                "{\"code\": \"CALLBACK\", \"callbackAt\": \"" + tomorrow() + "\", \"callbackForMe\": true}");
        assertThat(forMe.status()).as(forMe.body()).isEqualTo(200);
        assertThat(server.jdbc.queryForObject("SELECT agent_id FROM callbacks WHERE lead_id = ?", Long.class, lead)).isEqualTo(al);
        assertThat(server.admin.post("/api/leads/" + lead + "/callbacks", "{\"at\": \"" + tomorrow() + "\", \"agentId\": " + bo + "}")
                .status()).as("a manager books for any agent").isEqualTo(201);
    }

    @Test
    void anAnalystReadsALeadButCannotBookACallbackThatWouldReopenIt() {
        long lead = server.lead(campaign, "+14155550203", "DONE");
        Api analyst = server.as("ann");
        assertThat(analyst.get("/api/leads/" + lead).status()).isEqualTo(200);

        Api.Reply booked = analyst.post("/api/leads/" + lead + "/callbacks", "{\"at\": \"" + tomorrow() + "\"}");

        assertThat(booked.status()).isEqualTo(403);
        assertThat(server.jdbc.queryForObject("SELECT status FROM leads WHERE id = ?", String.class, lead)).isEqualTo("DONE");
        assertThat(server.jdbc.queryForObject("SELECT COUNT(*) FROM callbacks WHERE lead_id = ?", Long.class, lead)).isZero();
    }

    @Test
    void aTalkTrackLargerThan256KbIsRefusedWith413UnreadAndUnstored() {
        long scripts = server.jdbc.queryForObject("SELECT COUNT(*) FROM scripts", Long.class);
        String padding = "# " + "x".repeat(100) + "\n";
        String large = "name: huge\nstart: hello\nnodes:\n  hello:\n    action: end\n    say: Hi\n" + padding.repeat(3000);

        Api.Reply declared = server.admin.post("/api/scripts", large, "text/yaml");
        assertThat(declared.status()).isEqualTo(413);
        assertThat(declared.contentType()).startsWith("application/problem+json");
        assertThat(declared.json().get("detail").asText()).isEqualTo("a talk track may be at most 256 KB");

        // no declared length (chunked): the server stops reading at the limit, whatever follows
        byte[] chunked = new byte[1024 * 1024];
        java.util.Arrays.fill(chunked, (byte) 'x');
        Api.Reply streamed = server.admin.post("/api/scripts",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked)), "text/yaml");
        assertThat(streamed.status()).isEqualTo(413);

        assertThat(server.jdbc.queryForObject("SELECT COUNT(*) FROM scripts", Long.class)).isEqualTo(scripts);
        Api.Reply small = server.admin.post("/api/scripts", "name: small\nstart: hello\nnodes:\n  hello:\n    action: end\n    say: Hi\n", "text/yaml");
        assertThat(small.status()).as(small.body()).isEqualTo(201);
    }
}
