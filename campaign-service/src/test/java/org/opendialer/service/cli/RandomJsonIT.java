package org.opendialer.service.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.lang.reflect.RecordComponent;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.opendialer.service.user.NewUser;
import org.opendialer.service.callback.CallbackController;
import org.opendialer.service.campaign.CampaignForm;
import org.opendialer.service.disposition.DispositionRequest;

/**
 * Random JSON (known and unknown fields, every JSON type, huge numbers, long and non-Latin text, nulls, broken
 * bodies) to the main write endpoints of a running server: each answer is a success or a clear 4xx problem,
 * never a 500, and a refused request changes nothing.
 */
class RandomJsonIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static Served server;
    private static long campaign;
    private static long lead;
    private static long attempt;
    private static long agent;

    @BeforeContainer
    static void serve() {
        server = Served.start("random");
        agent = server.user("al", "AGENT");
        campaign = server.campaign("random");
        lead = server.lead(campaign, "+14155550301", "NEW");
        attempt = server.attempt(campaign, lead, agent);
    }

    @AfterContainer
    static void stop() {
        server.close();
    }

    @Property(tries = 20)
    void creatingACampaign(@ForAll("campaigns") String body) {
        answersClearly(() -> server.admin.post("/api/campaigns", body));
    }

    @Property(tries = 20)
    void editingACampaign(@ForAll("campaigns") String body) {
        answersClearly(() -> server.admin.put("/api/campaigns/" + campaign, body));
    }

    @Property(tries = 20)
    void disposingACall(@ForAll("dispositions") String body) {
        answersClearly(() -> server.admin.post("/api/attempts/" + attempt + "/disposition", body));
    }

    @Property(tries = 20)
    void bookingACallback(@ForAll("callbacks") String body) {
        answersClearly(() -> server.admin.post("/api/leads/" + lead + "/callbacks", body));
    }

    @Property(tries = 20)
    void addingAUser(@ForAll("users") String body) {
        answersClearly(() -> server.admin.post("/api/users", body));
    }

    private static void answersClearly(Supplier<Api.Reply> request) {
        String before = server.snapshot();
        Api.Reply reply = request.get();
        Statistics.label("answer").collect(reply.status() < 300 ? "success" : reply.status() + " " + reply.json().path("field").asText("-"));
        assertThat(reply.status()).as(reply.body()).isBetween(200, 499);
        if (reply.status() >= 400) {
            assertThat(reply.contentType()).as(reply.body()).startsWith("application/problem+json");
            assertThat(reply.json().get("detail").asText()).isNotBlank();
            assertThat(reply.json().has("message")).isTrue();
            assertThat(reply.body()).doesNotContainPattern(ProblemDetailsIT.INTERNALS);
            assertThat(server.snapshot()).as("a refused request changes nothing").isEqualTo(before);
        }
    }

    @Provide
    Arbitrary<String> campaigns() {
        return bodies(CampaignForm.class, Map.of("name", Arbitraries.strings().alpha().ofLength(12).map(RandomJsonIT::quote)));
    }

    @Provide
    Arbitrary<String> dispositions() {
        return bodies(DispositionRequest.class, Map.of("code", Arbitraries.of("NO_DECISION", "SALE", "CALLBACK").map(RandomJsonIT::quote),
                "callbackAt", dueTimes()));
    }

    @Provide
    Arbitrary<String> callbacks() {
        return bodies(CallbackController.BookCallback.class, Map.of("at", dueTimes()));
    }

    @Provide
    Arbitrary<String> users() {
        return bodies(NewUser.class, Map.of("username", Arbitraries.strings().alpha().ofLength(10).map(RandomJsonIT::quote),
                "password", Arbitraries.just(quote("long-enough-password")),
                "role", Arbitraries.of("AGENT", "MANAGER", "ANALYST").map(RandomJsonIT::quote)));
    }

    /** Callback times from an hour to 300 days ahead. */
    private static Arbitrary<String> dueTimes() {
        return Arbitraries.longs().between(1, 300 * 24).map(h -> quote(Instant.now().plus(h, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    /**
     * Three kinds of body: a sound request with up to three fields overwritten by random values (so that many
     * get past the first check and some succeed), an object of random fields, and no object or a broken one.
     */
    private static Arbitrary<String> bodies(Class<?> form, Map<String, Arbitrary<String>> sound) {
        List<String> fields = Arrays.stream(form.getRecordComponents()).map(RecordComponent::getName).toList();
        Arbitrary<String> key = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(fields)), Tuple.of(1, Arbitraries.strings().ofMaxLength(12)));
        Arbitrary<Map.Entry<String, String>> member = Combinators.combine(key, value(2)).as(Map::entry);
        List<String> soundKeys = List.copyOf(sound.keySet());
        Arbitrary<Map<String, String>> soundMembers = Combinators.combine(soundKeys.stream().map(sound::get).toList()).as(values -> {
            Map<String, String> members = new LinkedHashMap<>();
            for (int i = 0; i < soundKeys.size(); i++) {
                members.put(soundKeys.get(i), values.get(i));
            }
            return members;
        });
        Arbitrary<String> nearlySound = Combinators.combine(soundMembers, member.list().ofMaxSize(3)).as((members, changes) -> {
            Map<String, String> body = new LinkedHashMap<>(members);
            changes.forEach(change -> body.put(change.getKey(), change.getValue()));
            return render(body);
        });
        Arbitrary<String> random = member.list().ofMaxSize(12).map(members -> {
            Map<String, String> body = new LinkedHashMap<>();
            members.forEach(m -> body.put(m.getKey(), m.getValue()));
            return render(body);
        });
        Arbitrary<String> broken = random.map(o -> o.substring(0, o.length() / 2));
        Arbitrary<String> notAnObject = Arbitraries.of("", "null", "[]", "\"campaign\"", "42", "[{}]", "{\"a\": 1}}", "\u0000");
        return Arbitraries.frequencyOf(Tuple.of(10, nearlySound), Tuple.of(6, random), Tuple.of(2, broken), Tuple.of(2, notAnObject));
    }

    private static String render(Map<String, String> members) {
        return members.entrySet().stream().map(m -> quote(m.getKey()) + ": " + m.getValue()).collect(Collectors.joining(", ", "{", "}"));
    }

    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> scalar = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.strings().ofMaxLength(40).map(RandomJsonIT::quote)),
                Tuple.of(1, Arbitraries.strings().withCharRange('a', 'z').ofMinLength(200).ofMaxLength(20_000).map(RandomJsonIT::quote)),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u4e00', '\u9fff').ofMaxLength(300).map(RandomJsonIT::quote)),
                Tuple.of(2, Arbitraries.bigIntegers().between(BigInteger.TEN.pow(25).negate(), BigInteger.TEN.pow(25)).map(BigInteger::toString)),
                Tuple.of(2, Arbitraries.integers().between(-5, 300_000).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("1e400", "-1e400", "1e-400", "0.03", "-0.0", "3.5", "1.7976931348623157E308")),
                Tuple.of(2, Arbitraries.of("true", "false", "null")),
                Tuple.of(4, plausible().map(RandomJsonIT::quote)),
                Tuple.of(2, Arbitraries.of(0L, -1L, Long.MAX_VALUE, campaign, lead, attempt, agent, 1L, 2L).map(String::valueOf)));
        if (depth == 0) {
            return scalar;
        }
        Arbitrary<String> nested = Arbitraries.lazy(() -> value(depth - 1));
        Arbitrary<String> array = nested.list().ofMaxSize(5).map(items -> "[" + String.join(", ", items) + "]");
        Arbitrary<String> object = Combinators.combine(Arbitraries.strings().ofMaxLength(8), nested).as((k, v) -> quote(k) + ": " + v)
                .list().ofMaxSize(3).map(members -> "{" + String.join(", ", members) + "}");
        return Arbitraries.frequencyOf(Tuple.of(8, scalar), Tuple.of(1, array), Tuple.of(1, object));
    }

    /** Values the endpoints know, right and nearly right, so that some requests get past the first check. */
    private static Arbitrary<String> plausible() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        return Arbitraries.of("PREDICTIVE", "POWER", "AGENTLESS", "AGENT", "ADMIN", "ANALYST", "SALE", "CALLBACK", "DO_NOT_CALL",
                "NO_DECISION", "US", "GB", "ZZ", "UTC", "Asia/Shanghai", "Mars/Olympus", "08:00", "21:00", "25:00", "MON", "FUNDAY",
                "2026-12-01", now.plus(1, ChronoUnit.DAYS).toString(), LocalDateTime.now().plusDays(2).withNano(0).toString(),
                now.minus(3, ChronoUnit.DAYS).toString(), "9999-12-31T23:59", "+1000000000-01-01T00:00:00Z", "PJSIP/agent1",
                "interested=30", "long-enough-password", "zh-CN");
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
