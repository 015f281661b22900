package org.opendialer.service.cli;

import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.opendialer.db.DatabaseSettings;
import org.opendialer.db.Databases;
import org.opendialer.db.SchemaMigrator;
import org.opendialer.engine.agent.Agent;
import org.opendialer.engine.agent.AgentState;
import org.opendialer.engine.clock.SimulatedClock;
import org.opendialer.engine.dialer.DialerMetrics;
import org.opendialer.engine.simulation.Scenario;
import org.opendialer.engine.simulation.ScenarioFile;
import org.opendialer.engine.simulation.VirtualCallCentre;
import org.opendialer.reports.ranking.Grade;
import java.sql.Timestamp;
import org.opendialer.service.user.NewUser;
import org.opendialer.service.robot.RobotCalls;
import org.opendialer.service.robot.ScriptStore;
import org.opendialer.service.robot.SpeechEngines;
import org.opendialer.speech.robot.Persona;
import org.opendialer.service.callback.CallbackScheduler;
import org.opendialer.service.callback.CallbackService;
import org.opendialer.service.disposition.DispositionRequest;
import org.opendialer.service.disposition.DispositionService;
import org.opendialer.service.user.DemoUsers;
import org.opendialer.service.user.UserDirectory;
import org.opendialer.service.campaign.Campaign;
import org.opendialer.service.campaign.CampaignForm;
import org.opendialer.service.campaign.CampaignRepository;
import org.opendialer.service.campaign.CampaignStatus;
import org.opendialer.service.campaign.CampaignValidator;
import org.opendialer.service.dialing.CampaignRun;
import org.opendialer.service.lead.DoNotCallList;
import org.opendialer.service.leadimport.ImportRequest;
import org.opendialer.service.leadimport.ImportSummary;
import org.opendialer.service.leadimport.LeadImporter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The first thing a new user runs: a sample campaign with a bundled list of 4,000 US leads is imported
 * through the real import job and dialled for one working day in simulated time, by virtual agents on
 * the simulated PBX, through the same hopper, attempt recorder and pacing engine {@code serve} uses.
 * Everything lands in the database, so {@code serve} shows it afterwards.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Create a sample campaign with 4,000 leads, dial one simulated working day with virtual agents, print a summary.")
public class DemoCommand implements Callable<Integer> {

    static final ZoneId HEADQUARTERS = ZoneId.of("America/New_York");
    private static final String AGENT_PREFIX = DemoUsers.AGENT_PREFIX;

    @Mixin
    DatabaseOptions database = new DatabaseOptions();

    @Option(names = "--seed", description = "seed of the simulated day (default ${DEFAULT-VALUE})")
    long seed = 2026;

    @Option(names = "--day", description = "the Monday to simulate, YYYY-MM-DD (default: the last Monday)")
    LocalDate day;

    @Option(names = "--no-robot", negatable = true, description = "also let the speech robot call lapsed customers for a quarter hour (default: yes)")
    boolean robot = true;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, java.sql.SQLException {
        PrintWriter out = spec.commandLine().getOut();
        long wallStart = System.nanoTime();
        DatabaseSettings settings = database.settings();
        long campaignId;
        try (HikariDataSource dataSource = Databases.open(settings, 8)) { // lead ranking reads six streams at once
            new SchemaMigrator(dataSource).migrate();
            JdbcTemplate jdbc = new JdbcTemplate(dataSource);
            TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
            Instant shiftStart = shiftStart();
            SimulatedClock clock = new SimulatedClock(shiftStart);
            CampaignRepository campaigns = new CampaignRepository(jdbc, clock);
            Scenario floor = ScenarioFile.parse("demo-floor.yaml", resourceText("/demo/demo-floor.yaml"));

            Campaign campaign = campaigns.create(CampaignValidator.apply(CampaignValidator.defaults(campaignName(campaigns)),
                    demoSettings(floor), campaigns));
            out.printf("Campaign '%s' (id %d): predictive, 08:00-21:00 in each callee's time zone, 3 %% abandon target%n",
                    campaign.name(), campaign.id());
            ImportSummary imported = importSampleList(dataSource, campaign);
            out.printf("Imported the sample list: %,d rows read, %,d leads, %d rejected (bad, missing or duplicate phone)%n",
                    imported.read(), imported.imported(), imported.rejected());

            long[] agents = demoAgents(new UserDirectory(jdbc, clock), floor.agents());
            demoStaff(new UserDirectory(jdbc, clock));
            VirtualCallCentre centre = new VirtualCallCentre(floor, seed, clock, campaign.pacing().trunkLines());
            CampaignRun run = new CampaignRun(campaign, clock, centre.pbx(), jdbc, tx, new DoNotCallList(jdbc), "demo");
            centre.attach(run.dialer());
            centre.staff(run.dialer(), agents);
            dispositionCalls(run, new DispositionService(jdbc, clock, new DoNotCallList(jdbc),
                    new CallbackService(jdbc, clock, CallbackScheduler.NONE)));
            campaigns.moveTo(campaign.id(), CampaignStatus.RUNNING, null);
            out.printf("Dialling Monday %s for %.0f hours with %d virtual agents on the simulated PBX ...%n",
                    ZonedDateTime.ofInstant(shiftStart, HEADQUARTERS).toLocalDate(), floor.shiftHours(), agents.length);
            out.flush();
            run.start();
            Instant shiftEnd = shiftStart.plus(Duration.ofMinutes(Math.round(floor.shiftHours() * 60)));
            clock.runUntil(shiftEnd);
            DialerMetrics metrics = run.metrics();
            run.pause();
            clock.runUntil(shiftEnd.plus(Duration.ofHours(1))); // calls in progress end, agents wrap up
            for (Agent agent : List.copyOf(run.dialer().roster().agents())) {
                if (agent.state() == AgentState.READY || agent.state() == AgentState.PAUSED) {
                    run.dialer().logout(agent.id());
                }
            }
            campaigns.moveTo(campaign.id(), CampaignStatus.PAUSED, "the demo day is over; resume it to keep dialling");
            printSummary(out, jdbc, campaign, metrics, shiftStart, shiftEnd);
            org.opendialer.service.report.ChartController.grades(dataSource, jdbc, campaign.id(),
                    LocalDate.ofInstant(shiftEnd, HEADQUARTERS));
            printGrades(out, jdbc, campaign);
            if (robot) {
                try {
                    robotHour(out, dataSource, jdbc, tx, campaign, shiftEnd.plus(Duration.ofHours(1)));
                } catch (IllegalStateException e) {
                    out.println("  (the robot's part is skipped: " + e.getMessage() + ")");
                }
            }
            campaignId = campaign.id();
        }
        out.printf("%nDone in %.1f s. Next: java -jar campaign-service/target/dialer.jar serve --dialer.allow-demo-passwords=true%n"
                + "then open http://localhost:8080/ and sign in as manager / demo-manager (or analyst / demo-analyst,%n"
                + "demo-agent-01 / demo-demo-agent-01, admin / demo-admin); the campaign's dashboard is /manager/campaigns/%d.%n"
                + "serve refuses to start while these published passwords work, unless told to allow them.%n",
                (System.nanoTime() - wallStart) / 1e9, campaignId);
        out.flush();
        return 0;
    }

    /** 09:00 in New York on the chosen (or last) Monday. */
    private Instant shiftStart() {
        LocalDate monday = day != null ? day
                : LocalDate.now(HEADQUARTERS).minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return ZonedDateTime.of(monday, LocalTime.of(9, 0), HEADQUARTERS).toInstant();
    }

    private static CampaignForm demoSettings(Scenario floor) {
        return new CampaignForm(null, "PREDICTIVE", null, null, "12125550100", "SIMULATED", "US", null, "08:00", "21:00",
                null, 5, 2, 900, 3600, 14400, 259200, 86400, 0.03, "30D", 2000, (int) floor.noAnswerTimeoutSeconds(), false,
                "HANGUP", false, "NEW_FIRST", 150, 0.30, 10, floor.trunkLines(), HEADQUARTERS.getId(), null, null, null, null, null);
    }

    private static String campaignName(CampaignRepository campaigns) {
        return campaignName(campaigns, "Demo - broadband offer");
    }

    private static String campaignName(CampaignRepository campaigns, String base) {
        String name = base;
        for (int n = 2; campaigns.find(name).isPresent(); n++) {
            name = base + " #" + n;
        }
        return name;
    }

    static ImportSummary importSampleList(HikariDataSource dataSource, Campaign campaign) throws IOException {
        Path file = Files.createTempFile("sample-leads", ".csv");
        try (InputStream in = DemoCommand.class.getResourceAsStream("/demo/sample-leads.csv")) {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return new LeadImporter(dataSource).run(ImportRequest.leads(campaign.id(), file, "US"), progress -> { });
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long[] demoAgents(UserDirectory users, int count) {
        long[] ids = new long[count];
        for (int i = 0; i < count; i++) {
            String username = String.format("%s%02d", AGENT_PREFIX, i + 1);
            String displayName = String.format("Demo agent %02d", i + 1);
            ids[i] = users.byUsername(username).orElseGet(() -> users.create(new NewUser(username, displayName,
                    DemoUsers.password(username), "AGENT", List.of(), null, "en"))).id();
        }
        return ids;
    }

    /** Someone for each page of the UI: the demo's passwords are "demo-" and the username. */
    private static void demoStaff(UserDirectory users) {
        for (String[] user : new String[][] {{"admin", "ADMIN", "Administrator"}, {"manager", "MANAGER", "Demo manager"},
                {"analyst", "ANALYST", "Demo analyst"}}) {
            if (users.byUsername(user[0]).isEmpty()) {
                users.create(new NewUser(user[0], user[2], DemoUsers.password(user[0]), user[1], List.of(), null, "en"));
            }
        }
    }

    private static void printSummary(PrintWriter out, JdbcTemplate jdbc, Campaign campaign, DialerMetrics metrics,
                                     Instant from, Instant to) {
        Map<String, Object> s = jdbc.queryForMap("SELECT COUNT(*) AS calls, "
                + "COALESCE(SUM(CASE WHEN result = 'HUMAN' THEN 1 ELSE 0 END), 0) AS human, "
                + "COALESCE(SUM(CASE WHEN agent_id IS NOT NULL THEN 1 ELSE 0 END), 0) AS connected, "
                + "COALESCE(SUM(CASE WHEN result = 'MACHINE' THEN 1 ELSE 0 END), 0) AS machine, "
                + "COALESCE(SUM(CASE WHEN result IN ('BUSY','NO_ANSWER') THEN 1 ELSE 0 END), 0) AS unanswered, "
                + "COALESCE(SUM(CASE WHEN abandoned AND result = 'HUMAN' THEN 1 ELSE 0 END), 0) AS abandoned, "
                + "COALESCE(SUM(CASE WHEN agent_id IS NOT NULL AND result = 'MACHINE' THEN 1 ELSE 0 END), 0) AS machine_to_agent, "
                + "COALESCE(SUM(talk_s), 0) AS talk FROM call_attempts WHERE campaign_id = ?", campaign.id());
        long calls = n(s, "calls");
        long human = n(s, "human");
        long abandoned = n(s, "abandoned");
        out.printf("%nOne day of '%s' (%s - %s New York time):%n", campaign.name(),
                LocalTime.ofInstant(from, HEADQUARTERS), LocalTime.ofInstant(to, HEADQUARTERS));
        out.printf("  calls placed          %,8d%n", calls);
        out.printf("  answered by a person  %,8d  (%.1f %% of calls)%n", human, pct(human, calls));
        out.printf("  connected to agents   %,8d  (%,d of them answering machines: detection is off)%n", n(s, "connected"),
                n(s, "machine_to_agent"));
        out.printf("  answering machines    %,8d%n", n(s, "machine"));
        out.printf("  busy / no answer      %,8d%n", n(s, "unanswered"));
        out.printf("  abandoned             %,8d  (%.2f %% of people who answered; target 3 %%)%n", abandoned, pct(abandoned, human));
        out.printf("  agent occupancy       %8.1f %%  (talk + wrap over logged-in time)%n", metrics.occupancy() * 100);
        out.printf("  talk time             %8.1f h%n", n(s, "talk") / 3600.0);
        out.println("  leads by status:");
        for (Map<String, Object> row : jdbc.queryForList("SELECT status, COUNT(*) AS n FROM leads WHERE campaign_id = ? "
                + "GROUP BY status ORDER BY status", campaign.id())) {
            out.printf("    %-10s %,6d%n", row.get("status"), ((Number) row.get("n")).longValue());
        }
    }

    /**
     * The robot's quarter hour: an agentless win-back campaign calls lapsed customers of the sample list; each
     * answer is a real conversation of {@code scripts/win-back.yaml} with a simulated callee, spoken by MaryTTS
     * and heard by Vosk.
     */
    private void robotHour(PrintWriter out, HikariDataSource dataSource, JdbcTemplate jdbc, TransactionTemplate tx,
                           Campaign offer, Instant start) throws IOException {
        SimulatedClock clock = new SimulatedClock(start);
        CampaignRepository campaigns = new CampaignRepository(jdbc, clock);
        ScriptStore scripts = new ScriptStore(jdbc, clock);
        ScriptStore.StoredScript script = scripts.save(resourceText("/scripts/win-back.yaml"));
        Campaign winBack = campaigns.create(CampaignValidator.apply(CampaignValidator.defaults(campaignName(campaigns,
                "Demo - win-back robot")), new CampaignForm(null, "AGENTLESS", null, script.id(), "12125550100", "SIMULATED", "US",
                null, "08:00", "21:00", null, 3, 1, 900, 3600, 14400, 259200, 86400, 0.03, "30D", 2000, 22, false, "HANGUP", false,
                "NEW_FIRST", 90, 0.30, 2, 10, HEADQUARTERS.getId(), null, null, null, null, null), campaigns));
        Timestamp now = Timestamp.from(start);
        jdbc.update("INSERT INTO leads (campaign_id, phone_e164, phone_type, region, time_zone, first_name, last_name, customer_since, "
                + "last_purchase, churned_at, customer_status, created_at, updated_at) SELECT ?, phone_e164, phone_type, region, time_zone, "
                + "first_name, last_name, customer_since, last_purchase, churned_at, customer_status, ?, ? FROM leads "
                + "WHERE campaign_id = ? AND churned_at IS NOT NULL AND status <> 'DNC' ORDER BY id LIMIT 24", winBack.id(), now, now, offer.id());
        List<Persona> personas = new java.util.ArrayList<>();
        for (String name : List.of("lapsed", "busy", "opt-out", "eager")) {
            personas.add(Persona.parse(name + ".yaml", resourceText("/scripts/personas/" + name + ".yaml")));
        }
        try (SpeechEngines speech = new SpeechEngines()) {
            out.printf("%nThe robot calls %d lapsed customers with the win-back talk track (MaryTTS speaks, Vosk listens) ...%n",
                    jdbc.queryForObject("SELECT COUNT(*) FROM leads WHERE campaign_id = ?", Long.class, winBack.id()));
            out.flush();
            VirtualCallCentre centre = new VirtualCallCentre(ScenarioFile.parse("demo-floor.yaml", resourceText("/demo/demo-floor.yaml")),
                    seed, clock, winBack.pacing().trunkLines());
            DispositionService dispositions = new DispositionService(jdbc, clock, new DoNotCallList(jdbc),
                    new CallbackService(jdbc, clock, CallbackScheduler.NONE));
            org.opendialer.speech.script.TalkTrack track = scripts.forCampaign(winBack.id()).orElseThrow();
            speech.prepare(track);
            centre.robot(new RobotCalls(speech, track, personas, jdbc, dispositions, clock));
            CampaignRun run = new CampaignRun(winBack, clock, centre.pbx(), jdbc, tx, new DoNotCallList(jdbc), "demo");
            centre.attach(run.dialer());
            campaigns.moveTo(winBack.id(), CampaignStatus.RUNNING, null);
            run.start();
            clock.runUntil(start.plus(Duration.ofMinutes(15)));
            run.pause();
            clock.runUntil(start.plus(Duration.ofMinutes(25)));
            campaigns.moveTo(winBack.id(), CampaignStatus.PAUSED, "the demo's robot quarter hour is over");
        }
        Map<String, Object> r = jdbc.queryForMap("SELECT COUNT(DISTINCT t.attempt_id) AS conversations, COUNT(*) AS turns FROM conversation_turns t "
                + "JOIN call_attempts a ON a.id = t.attempt_id WHERE a.campaign_id = ?", winBack.id());
        out.printf("  robot conversations   %,8d  (%,d turns stored)%n", n(r, "conversations"), n(r, "turns"));
        for (Map<String, Object> row : jdbc.queryForList("SELECT disposition_code, COUNT(*) AS n FROM call_attempts WHERE campaign_id = ? "
                + "AND disposition_code IS NOT NULL GROUP BY disposition_code ORDER BY disposition_code", winBack.id())) {
            out.printf("    %-16s %,4d%n", row.get("disposition_code"), ((Number) row.get("n")).longValue());
        }
        List<String> said = jdbc.queryForList("SELECT t.transcript FROM conversation_turns t JOIN call_attempts a ON a.id = t.attempt_id "
                + "WHERE a.campaign_id = ? AND t.intent = 'SWITCHED_PROVIDER' ORDER BY t.id", String.class, winBack.id());
        if (!said.isEmpty()) {
            out.printf("  heard, e.g.: \"%s\" -> SWITCHED_PROVIDER%n", said.get(0));
        }
    }

    /**
     * The virtual agents set a disposition on every person they talked to: the longer the conversation, the
     * likelier a sale, interest or a callback (drawn from the seed, so the demo stays reproducible).
     */
    private void dispositionCalls(CampaignRun run, DispositionService dispositions) {
        run.dialer().addOutcomeListener(outcome -> {
            if (outcome.agentId() == 0 || outcome.result() != org.opendialer.engine.call.CallResult.HUMAN) {
                return;
            }
            double engaged = Math.min(1, outcome.talkSeconds() / 300.0);
            double u = new java.util.Random(seed * 31 + outcome.attemptId().value()).nextDouble();
            double sale = 0.03 + 0.07 * engaged;
            double interested = sale + 0.08 + 0.17 * engaged;
            double callback = interested + 0.05 + 0.10 * engaged;
            double doNotCall = callback + 0.02;
            String code = u < sale ? "SALE" : u < interested ? "INTERESTED" : u < callback ? "CALLBACK"
                    : u < doNotCall ? "DO_NOT_CALL" : "NOT_INTERESTED";
            String when = code.equals("CALLBACK")
                    ? java.time.LocalDate.ofInstant(outcome.endedAt(), HEADQUARTERS).plusDays(1) + "T10:30" : null;
            dispositions.dispose(outcome.attemptId().value(), new DispositionRequest(code, null, when, false, null));
        });
    }

    /** Leads by the grade just stored on them. */
    private static void printGrades(PrintWriter out, JdbcTemplate jdbc, Campaign campaign) {
        Map<String, Long> grades = new java.util.TreeMap<>(Map.of("A", 0L, "B", 0L, "C", 0L, "D", 0L));
        jdbc.query("SELECT interest_grade, COUNT(*) FROM leads WHERE campaign_id = ? AND interest_grade IS NOT NULL "
                + "GROUP BY interest_grade", rs -> {
                    grades.put(rs.getString(1), rs.getLong(2));
                }, campaign.id());
        out.printf("  leads by interest grade: A %,d  B %,d  C %,d  D %,d%n", grades.get("A"), grades.get("B"),
                grades.get("C"), grades.get("D"));
    }

    private static long n(Map<String, Object> row, String key) {
        return ((Number) row.get(key)).longValue();
    }

    private static double pct(long part, long whole) {
        return whole == 0 ? 0 : 100.0 * part / whole;
    }

    static String resourceText(String name) throws IOException {
        try (InputStream in = DemoCommand.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
