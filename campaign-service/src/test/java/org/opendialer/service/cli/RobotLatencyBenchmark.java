package org.opendialer.service.cli;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.opendialer.engine.asterisk.RealAsterisk;
import org.opendialer.service.robot.RobotMedia;
import org.opendialer.speech.live.TurnTimings;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The robot's turn-taking under load on a real Asterisk (not part of the build: {@code campaign-service/bench-robot.sh}).
 * {@code robot.calls} SIPp callees (default 12; the eager, opt-out and busy personas in turn) are called at once by
 * an agentless campaign through {@code serve}; it prints the end of speech → first reply audio and barge-in
 * onset → prompt stopped percentiles, the outcomes that equal the simulated loop's, and the dialer process's CPU
 * and heap per conversation.
 */
class RobotLatencyBenchmark {

    @RegisterExtension
    static final RealAsterisk ASTERISK = new RealAsterisk(Map.of("DIALER_ROBOT_AUDIOSOCKET", "127.0.0.1:" + RobotOnAsteriskRealIT.MEDIA_PORT),
            RobotOnAsteriskRealIT::recordCallees);

    @Test
    void robotConversationsAtOnce() throws Exception {
        int calls = Integer.getInteger("robot.calls", 12);
        String yaml = Files.readString(RobotOnAsteriskRealIT.script("broadband-offer.yaml"));
        ServeCommand serve = new ServeCommand();
        serve.database.url = "jdbc:h2:mem:bench" + UUID.randomUUID().toString().replace("-", "")
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE;DB_CLOSE_DELAY=-1";
        serve.springArgs = List.of("--server.port=0", "--dialer.robot.media.port=" + RobotOnAsteriskRealIT.MEDIA_PORT,
                "--dialer.prompts=" + RobotOnAsteriskRealIT.PROMPTS,
                "--dialer.asterisk.servers=pbx1=dialer:" + RealAsterisk.SECRET + "@127.0.0.1:" + ASTERISK.server(calls + 10).port()
                        + "/" + (calls + 10) + "/PJSIP/{number}@trunk1");
        try (ConfigurableApplicationContext context = serve.start()) {
            Api api = new Api(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
            JdbcTemplate jdbc = new JdbcTemplate(context.getBean(DataSource.class));
            RobotMedia media = context.getBean(RobotMedia.class);
            long scriptId = api.post("/api/scripts", yaml, "application/yaml").json().get("id").asLong();
            long campaign = api.post("/api/campaigns", """
                    {"name": "robot load", "mode": "AGENTLESS", "telephony": "ASTERISK", "robotPorts": %d, "scriptId": %d,
                     "windowStart": "00:00", "windowEnd": "23:59", "reportZone": "UTC"}""".formatted(calls, scriptId)).json().get("id").asLong();
            Timestamp now = Timestamp.from(Instant.now());
            for (int i = 0; i < calls; i++) {
                jdbc.update("INSERT INTO leads (campaign_id, phone_e164, first_name, last_name, time_zone, created_at, updated_at) "
                        + "VALUES (?, ?, 'Maria', 'Lopez', 'UTC', ?, ?)", campaign, "+1415555018" + (1 + i % 3) + String.format("%02d", i), now, now);
            }
            List<Long> agents = new java.util.ArrayList<>();
            for (String phone : RealAsterisk.AGENTS) {
                agents.add(api.post("/api/users", "{\"username\": \"" + phone + "\", \"password\": \"long-enough\", \"role\": \"AGENT\", "
                        + "\"phoneEndpoint\": \"PJSIP/" + phone + "\"}").json().get("id").asLong());
            }
            var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            var memory = ManagementFactory.getMemoryMXBean();
            System.gc();
            long heapBefore = memory.getHeapMemoryUsage().getUsed();
            AtomicLong heapPeak = new AtomicLong(heapBefore);
            long cpuBefore = os.getProcessCpuTime();
            long wallBefore = System.nanoTime();
            api.post("/api/campaigns/" + campaign + "/start", null);
            for (long agent : agents) {
                api.post("/api/agents/" + agent + "/login", "{\"campaignId\": " + campaign + "}");
                api.post("/api/agents/" + agent + "/ready", null);
            }
            Awaitility.await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() -> {
                heapPeak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                // every call over, or with an agent, and every conversation recorded
                return media.server().get().liveCalls() == 0
                        && jdbc.queryForObject("SELECT COUNT(*) FROM call_attempts WHERE state IN ('ENDED', 'BRIDGED')", Integer.class) >= calls;
            });
            double cpu = (os.getProcessCpuTime() - cpuBefore) / 1e9;
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            int same = 0;
            for (Map<String, Object> attempt : jdbc.queryForList("SELECT a.id, l.phone_e164 FROM call_attempts a JOIN leads l ON l.id = a.lead_id")) {
                String persona = ((String) attempt.get("phone_e164")).substring(0, 12);
                List<String> live = jdbc.queryForList("SELECT CONCAT(node_id, ' ', COALESCE(intent, 'null')) FROM conversation_turns "
                        + "WHERE attempt_id = ? ORDER BY turn_no", String.class, attempt.get("id"));
                List<String> simulated = RobotOnAsteriskRealIT.SIMULATED.get(persona).turns().stream().map(RobotOnAsteriskRealIT::nodeAndIntent).toList();
                if (live.equals(simulated)) {
                    same++;
                } else {
                    System.out.println("differs from the simulated loop: " + persona + " " + live + " vs " + simulated);
                }
            }
            TurnTimings timings = media.server().get().timings();
            System.out.printf("%n%d robot conversations at once on a real Asterisk (load average %.1f)%n", calls, os.getSystemLoadAverage());
            System.out.printf("end of speech -> first reply audio: p50 %d ms, p95 %d ms, max %d ms (%d replies)%n",
                    TurnTimings.percentile(timings.replyMillis(), 50), TurnTimings.percentile(timings.replyMillis(), 95),
                    TurnTimings.percentile(timings.replyMillis(), 100), timings.replyMillis().size());
            System.out.printf("barge-in onset -> prompt stopped: p50 %d ms, p95 %d ms, max %d ms (%d barge-ins)%n",
                    TurnTimings.percentile(timings.bargeInMillis(), 50), TurnTimings.percentile(timings.bargeInMillis(), 95),
                    TurnTimings.percentile(timings.bargeInMillis(), 100), timings.bargeInMillis().size());
            List<Long> hearing = jdbc.queryForList("SELECT latency_ms FROM conversation_turns WHERE transcript IS NOT NULL", Long.class);
            System.out.printf("end of speech -> intent (recogniser's final result, second pass if any, tagging): p50 %d ms, p95 %d ms, max %d ms%n",
                    TurnTimings.percentile(hearing, 50), TurnTimings.percentile(hearing, 95), TurnTimings.percentile(hearing, 100));
            System.out.printf("outcomes equal to the simulated loop's: %d of %d%n", same, calls);
            System.out.printf("dialer process: %.1f CPU s in %.1f s wall = %.2f cores, %.1f CPU s per conversation; heap peak +%d MB "
                    + "(%.1f MB per conversation)%n", cpu, wall, cpu / wall, cpu / calls, (heapPeak.get() - heapBefore) >> 20,
                    (heapPeak.get() - heapBefore) / 1048576.0 / calls);
            api.post("/api/campaigns/" + campaign + "/stop", null);
        }
    }
}
