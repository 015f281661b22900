package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input on every controller gets a 4xx in one shape (problem details naming the field, never a 500), says
 * nothing about the server's insides, and changes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProblemDetailsIT {

    /** What must never reach a client: SQL, Java names, stack frames, server paths. */
    static final Pattern INTERNALS = Pattern.compile(
            "(?i)(\\bselect\\b.*\\bfrom\\b|\\binsert into\\b|\\bsql|jdbc|exception|java\\.|org\\.|\\bat [a-z]+\\.[a-z]|/tmp/|/work/|/home/|\\.java\\b)");

    private Served server;
    private long campaign;
    private long lead;
    private long attempt;
    private long agent;
    private long manager;

    @BeforeAll
    void serve() {
        server = Served.start("problems");
        manager = server.user("mia", "MANAGER");
        agent = server.user("al", "AGENT");
        campaign = server.campaign("problems");
        lead = server.lead(campaign, "+14155550101", "NEW");
        attempt = server.attempt(campaign, lead, agent);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String longText(int length) {
        return "x".repeat(length);
    }

    private static String inDays(long days) {
        return Instant.now().plus(days, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static final String BOUNDARY = "----dialer-problems";

    private static String upload(String fileName) {
        return "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName + "\"\r\n"
                + "Content-Type: text/csv\r\n\r\nphone,first_name\n+14155550199,Ada\n\r\n--" + BOUNDARY + "--\r\n";
    }

    /** One bad request: what is sent and which field the answer must name (null: none in particular). */
    record Bad(String what, Function<ProblemDetailsIT, Api.Reply> send, int status, String field) {
        @Override
        public String toString() {
            return what;
        }
    }

    private static Arguments bad(String what, int status, String field, Function<ProblemDetailsIT, Api.Reply> send) {
        return Arguments.of(new Bad(what, send, status, field));
    }

    Stream<Arguments> badRequests() {
        String holidays = IntStream.range(0, 400).mapToObj(i -> "\"2030-01-01\"").reduce((a, b) -> a + "," + b).orElseThrow();
        return Stream.of(
                bad("campaign: malformed JSON", 400, "body", t -> t.server.admin.post("/api/campaigns", "{\"name\": \"x\",")),
                bad("campaign: number beyond int", 400, "maxAttempts",
                        t -> t.server.admin.post("/api/campaigns", "{\"name\": \"n1\", \"maxAttempts\": 99999999999}")),
                bad("campaign: text where a number belongs", 400, "ringTimeoutSeconds",
                        t -> t.server.admin.post("/api/campaigns", "{\"name\": \"n2\", \"ringTimeoutSeconds\": \"soon\"}")),
                bad("campaign: one day instead of a list", 400, "windowDays",
                        t -> t.server.admin.post("/api/campaigns", "{\"name\": \"n3\", \"windowDays\": {\"day\": 1}}")),
                bad("disposition: a field given twice", 400, "code",
                        t -> t.server.admin.post("/api/attempts/" + t.attempt + "/disposition", "{\"code\": \"SALE\", \"notes\": \"a\", \"code\": \"DO_NOT_CALL\"}")),
                bad("campaign: bad enum", 400, "leadOrder",
                        t -> t.server.admin.post("/api/campaigns", "{\"name\": \"n4\", \"leadOrder\": \"SHUFFLE\"}")),
                bad("campaign: start in year 1,000,000,000", 400, "scheduledStart",
                        t -> t.server.admin.post("/api/campaigns", "{\"name\": \"n5\", \"scheduledStart\": \"+1000000000-01-01T00:00:00Z\"}")),
                bad("campaign: stop in year 1", 400, "scheduledStop",
                        t -> t.server.admin.post("/api/campaigns", "{\"name\": \"n6\", \"scheduledStop\": \"0001-01-01T00:00:00Z\"}")),
                bad("campaign: unknown talk track", 400, "scriptId",
                        t -> t.server.admin.post("/api/campaigns", "{\"name\": \"n7\", \"scriptId\": 424242}")),
                bad("campaign: long name", 400, "name", t -> t.server.admin.post("/api/campaigns", "{\"name\": \"" + longText(5000) + "\"}")),
                bad("campaign: long grading weights", 400, "gradingWeights",
                        t -> t.server.admin.post("/api/campaigns", "{\"name\": \"n8\", \"gradingWeights\": \"" + longText(20_000) + "\"}")),
                bad("campaign: 400 holidays", 400, "holidays",
                        t -> t.server.admin.post("/api/campaigns", "{\"name\": \"n9\", \"holidays\": [" + holidays + "]}")),
                bad("campaign: retry in a century", 400, "retryBusySeconds",
                        t -> t.server.admin.put("/api/campaigns/" + t.campaign, "{\"retryBusySeconds\": 2000000000}")),
                bad("campaign: id that is not a number", 400, "id", t -> t.server.admin.get("/api/campaigns/abc")),
                bad("campaign: long pause reason", 400, "reason",
                        t -> t.server.admin.post("/api/campaigns/" + t.campaign + "/pause", "{\"reason\": \"" + longText(600) + "\"}")),
                bad("leads: negative offset", 400, "offset", t -> t.server.admin.get("/api/campaigns/" + t.campaign + "/leads?offset=-1")),
                bad("leads: offset beyond long", 400, "offset",
                        t -> t.server.admin.get("/api/campaigns/" + t.campaign + "/leads?offset=99999999999999999999")),
                bad("leads: bad status", 400, "status", t -> t.server.admin.get("/api/campaigns/" + t.campaign + "/leads?status=HAPPY")),
                bad("callbacks: bad status", 400, "status", t -> t.server.admin.get("/api/campaigns/" + t.campaign + "/callbacks?status=SOON")),
                bad("dnc: bad region", 400, "region",
                        t -> t.server.admin.post("/api/dnc", "{\"phone\": \"4155550100\", \"region\": \"ZZZZ\"}")),
                bad("dnc check: bad region", 400, "region", t -> t.server.admin.get("/api/dnc/4155550100?region=QQ")),
                bad("dnc: long reason", 400, "reason",
                        t -> t.server.admin.post("/api/dnc", "{\"phone\": \"+14155550100\", \"reason\": \"" + longText(300) + "\"}")),
                bad("dnc: negative campaign", 400, "campaignId",
                        t -> t.server.admin.post("/api/dnc", "{\"phone\": \"+14155550100\", \"campaignId\": -5}")),
                bad("dnc: a phone of 10,000 characters", 400, "phone",
                        t -> t.server.admin.post("/api/dnc", "{\"phone\": \"" + "1".repeat(10_000) + "\"}")),
                bad("disposition: long notes", 400, "notes",
                        t -> t.server.admin.post("/api/attempts/" + t.attempt + "/disposition", "{\"code\": \"SALE\", \"notes\": \"" + longText(5000) + "\"}")),
                bad("disposition: callback in year 9999", 400, "callbackAt",
                        t -> t.server.admin.post("/api/attempts/" + t.attempt + "/disposition", "{\"code\": \"CALLBACK\", \"callbackAt\": \"9999-01-01T10:00\"}")),
                bad("disposition definition: long label", 400, "label",
                        t -> t.server.admin.post("/api/campaigns/" + t.campaign + "/dispositions",
                                "{\"code\": \"LONG\", \"label\": \"" + longText(200) + "\", \"effect\": \"FINAL\"}")),
                bad("disposition definition: unknown campaign", 404, null,
                        t -> t.server.admin.post("/api/campaigns/987654/dispositions", "{\"code\": \"LONG\", \"label\": \"Long\", \"effect\": \"FINAL\"}")),
                bad("callback: in the past", 400, "at",
                        t -> t.server.admin.post("/api/leads/" + t.lead + "/callbacks", "{\"at\": \"2020-01-01T10:00\"}")),
                bad("callback: in year 9999", 400, "at",
                        t -> t.server.admin.post("/api/leads/" + t.lead + "/callbacks", "{\"at\": \"9999-12-31T10:00:00Z\"}")),
                bad("callback: more than a year ahead", 400, "at",
                        t -> t.server.admin.post("/api/leads/" + t.lead + "/callbacks", "{\"at\": \"" + inDays(400) + "\"}")),
                bad("callback: an agent that does not exist", 400, "agentId",
                        t -> t.server.admin.post("/api/leads/" + t.lead + "/callbacks", "{\"at\": \"" + inDays(1) + "\", \"agentId\": 987654}")),
                bad("callback: a manager is not an agent", 400, "agentId",
                        t -> t.server.admin.post("/api/leads/" + t.lead + "/callbacks", "{\"at\": \"" + inDays(1) + "\", \"agentId\": " + t.manager + "}")),
                bad("callback: long note", 400, "note",
                        t -> t.server.admin.post("/api/leads/" + t.lead + "/callbacks", "{\"at\": \"" + inDays(1) + "\", \"note\": \"" + longText(2000) + "\"}")),
                bad("user: password longer than bcrypt reads", 400, "password",
                        t -> t.server.admin.post("/api/users", "{\"username\": \"u1\", \"password\": \"" + longText(100) + "\", \"role\": \"AGENT\"}")),
                bad("user: long display name", 400, "displayName",
                        t -> t.server.admin.post("/api/users", "{\"username\": \"u2\", \"password\": \"long-enough\", \"role\": \"AGENT\", \"displayName\": \""
                                + longText(300) + "\"}")),
                bad("user: locale that is not one", 400, "locale",
                        t -> t.server.admin.post("/api/users", "{\"username\": \"u3\", \"password\": \"long-enough\", \"role\": \"AGENT\", \"locale\": \""
                                + longText(40) + "\"}")),
                bad("user: skills longer than stored", 400, "skills",
                        t -> t.server.admin.post("/api/users", "{\"username\": \"u4\", \"password\": \"long-enough\", \"role\": \"AGENT\", \"skills\": [null, \""
                                + longText(300) + "\"]}")),
                bad("agent: long pause reason", 400, "reason",
                        t -> t.server.admin.post("/api/agents/" + t.agent + "/pause", "{\"reason\": \"" + longText(100) + "\"}")),
                bad("agent: campaign id that is not a number", 400, "campaignId",
                        t -> t.server.admin.post("/api/agents/" + t.agent + "/login", "{\"campaignId\": \"first\"}")),
                bad("list: malformed JSON", 400, "body", t -> t.server.admin.put("/api/lists/1", "{\"active\": tru")),
                bad("report: far date", 400, "to", t -> t.server.admin.get("/api/campaigns/" + t.campaign + "/reports/leads?to=9999-12-31")),
                bad("report: date past LocalDate", 400, "from",
                        t -> t.server.admin.get("/api/campaigns/" + t.campaign + "/reports/leads?from=%2B999999999-12-31")),
                bad("chart: far date", 400, "to", t -> t.server.admin.get("/api/campaigns/" + t.campaign + "/charts/connect-by-hour.png?to=9000-01-01")),
                bad("script: a prompt too long to speak", 400, "hello",
                        t -> t.server.admin.post("/api/scripts", "name: wordy\nstart: hello\nnodes:\n  hello:\n    action: end\n    say: \""
                                + longText(3000) + "\"\n", "text/yaml")),
                bad("script: listen that is not a number", 400, "hello",
                        t -> t.server.admin.post("/api/scripts", "name: slow\nstart: hello\nnodes:\n  hello:\n    action: end\n    say: Hi\n    listen: soon\n",
                                "text/yaml")),
                bad("import: a file name longer than file systems allow", 400, "file",
                        t -> t.server.admin.post("/api/imports?campaignId=" + t.campaign, upload(longText(300) + ".csv"), "multipart/form-data; boundary=" + BOUNDARY)),
                bad("import: bad region", 400, null,
                        t -> t.server.admin.post("/api/imports?region=ZZZZ&campaignId=" + t.campaign, upload("leads.csv"), "multipart/form-data; boundary=" + BOUNDARY)),
                bad("unknown path", 404, null, t -> t.server.admin.get("/api/nothing-here")),
                bad("wrong method", 405, null, t -> t.server.admin.put("/api/scripts", "{}")),
                bad("wrong media type", 415, null, t -> t.server.admin.post("/api/campaigns", "<campaign/>", "text/xml")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void badInputIsAProblemNamingTheFieldWithNothingOfTheServersInsidesAndNothingStored(Bad bad) {
        String before = server.snapshot();

        Api.Reply reply = bad.send().apply(this);

        assertThat(reply.status()).as(reply.body()).isEqualTo(bad.status());
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("status").asInt()).isEqualTo(bad.status());
        assertThat(reply.json().get("detail").asText()).isNotBlank();
        assertThat(reply.json().get("message").asText()).isEqualTo(reply.json().get("detail").asText());
        if (bad.field() != null) {
            assertThat(reply.json().get("field").asText()).isEqualTo(bad.field());
            assertThat(reply.json().get("errors").get(0).get("field").asText()).isEqualTo(bad.field());
        }
        assertThat(reply.body()).doesNotContainPattern(INTERNALS);
        assertThat(server.snapshot()).isEqualTo(before);
    }

    @Test
    void aRequestTheAccessRulesRefuseIsAProblemToo() {
        Api.Reply reply = server.as("al").get("/api/users");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asText()).isEqualTo("your role may not do this");
        assertThat(reply.json().get("instance").asText()).isEqualTo("/api/users");
    }

    @Test
    void anAgentCommandThatDoesNotFitTheAgentsStateIsAConflictNotAFailure() {
        Api.Reply reply = server.admin.post("/api/agents/" + agent + "/ready", null);

        assertThat(reply.status()).isEqualTo(409);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().get("detail").asText()).contains("not logged in");
    }
}
