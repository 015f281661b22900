package org.opendialer.engine.asterisk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Asterisk with SIPp callees and agent phones around it, for one test class:
 * {@code @RegisterExtension static RealAsterisk asterisk = new RealAsterisk();}. It runs when
 * {@value #BUNDLE_ENV} names the Asterisk bundle folder (the one holding {@code start-asterisk}); otherwise the
 * class is skipped and one line says why.
 *
 * <p>Before the class: the project's test configuration ({@code src/test/resources/asterisk/conf}) and the shipped
 * files of {@code dialer-engine/asterisk/} go into a fresh configuration folder with loopback ports no other test
 * uses, the shipped {@code dialer_globals.conf} with this run's folders, sounds from the shipped
 * {@code make-sounds.sh}, the callees' audio from sox; then Asterisk, the SIPp callees and the SIPp agent phones
 * start, and an {@link AmiTraceRecorder} logs every AMI event. After the class everything is stopped.
 */
public final class RealAsterisk implements BeforeAllCallback, AfterAllCallback, ExecutionCondition {

    public static final String BUNDLE_ENV = "DIALER_TEST_ASTERISK";
    public static final String SECRET = "change-me";
    /** Agents' phones: these answer and stay on the line; {@link #AWAY_AGENT} rings and never answers. */
    public static final List<String> AGENTS = List.of("agent1001", "agent1002", "agent1003", "agent1004");
    public static final String AWAY_AGENT = "agent1901";
    /** This agent's phone answers and is put down 3 s later. */
    public static final String DROPPING_AGENT = "agent1801";
    private static volatile boolean skipSaid;

    private final Map<String, String> globals;
    private final java.util.function.Consumer<Path> media;
    /** Extra agents' phones (agent2000, agent2001, ...) for load, beyond {@link #AGENTS}. */
    private final int crowd;
    private Path root;
    private Path conf;
    private Path run;
    private int amiPort;
    private int httpPort;
    private final List<Process> sipp = new ArrayList<>();
    private AmiTraceRecorder recorder;

    public RealAsterisk() {
        this(0, Map.of(), folder -> { });
    }

    /** With {@code crowd} more agents' phones that answer ({@link #crowdAgent}) and room for that many more calls. */
    public RealAsterisk(int crowd) {
        this(crowd, Map.of(), folder -> { });
    }

    /**
     * @param globals values for the shipped {@code dialer_globals.conf} besides this run's folders (e.g. the robot's address)
     * @param media   writes more audio into the SIPp callees' folder before they start (SIPp reads its files then)
     */
    public RealAsterisk(Map<String, String> globals, java.util.function.Consumer<Path> media) {
        this(0, globals, media);
    }

    private RealAsterisk(int crowd, Map<String, String> globals, java.util.function.Consumer<Path> media) {
        this.crowd = crowd;
        this.globals = Map.copyOf(globals);
        this.media = media;
    }

    /** The n-th (from 0) of the extra agents' phones. */
    public static String crowdAgent(int n) {
        return "agent" + (2000 + n);
    }

    static Path bundle() {
        String dir = System.getenv(BUNDLE_ENV);
        return dir == null || dir.isBlank() ? null : Path.of(dir);
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (bundle() != null) {
            return ConditionEvaluationResult.enabled(BUNDLE_ENV + " is set");
        }
        if (!skipSaid) {
            skipSaid = true;
            System.out.println("Real-Asterisk tests skipped: set " + BUNDLE_ENV + " to the Asterisk bundle folder (with start-asterisk)");
        }
        return ConditionEvaluationResult.disabled("needs a real Asterisk (" + BUNDLE_ENV + ")");
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (bundle() == null) {
            return;
        }
        root = Files.createTempDirectory("dialer-asterisk-");
        conf = Files.createDirectories(root.resolve("conf"));
        run = root.resolve("run");
        Path media = Files.createDirectories(root.resolve("sipp"));
        amiPort = freeTcpPort();
        httpPort = freeTcpPort();
        int sipPort = freeUdpPort();
        int calleePort = freeUdpPort();
        int agentPort = freeUdpPort();
        int rtpPorts = 100 + 8 * crowd; // Asterisk takes an even port per leg: callee, agent, a little to spare
        int rtpStart = freeUdpRange(rtpPorts * 2);
        Map<String, String> ports = new LinkedHashMap<>();
        ports.put("@AMI_PORT@", Integer.toString(amiPort));
        ports.put("@HTTP_PORT@", Integer.toString(httpPort));
        ports.put("@SIP_PORT@", Integer.toString(sipPort));
        ports.put("@CALLEE_PORT@", Integer.toString(calleePort));
        ports.put("@RTP_START@", Integer.toString(rtpStart));
        ports.put("@RTP_END@", Integer.toString(rtpStart + rtpPorts - 1));
        ports.put("@AGENTS@", agents(agentPort, crowd));
        writeConfiguration(ports);
        exec(root, List.of(shipped("make-sounds.sh").toString(), root.resolve("sounds").toString(), "Open Dialer", "555 0100"));
        exec(media, List.of("sox", "-n", "-r", "8000", "-c", "1", "-e", "u-law", "-t", "raw", "human.ulaw",
                "synth", "0.6", "pinknoise", "vol", "0.5", "pad", "0", "30"));
        exec(media, List.of("sox", "-n", "-r", "8000", "-c", "1", "-e", "u-law", "-t", "raw", "machine.ulaw",
                "synth", "7", "pinknoise", "vol", "0.5", "tremolo", "3", "40", "pad", "0", "20"));
        copyResource("sipp/callee.xml", media.resolve("callee.xml"));
        for (int n = 1; n <= 3; n++) {
            // the robot's callees say nothing unless a test records their answers (SIPp needs the files at start)
            byte[] silence = new byte[8000];
            java.util.Arrays.fill(silence, (byte) 0xFF);
            Files.write(media.resolve("robot-" + n + ".ulaw"), silence);
        }
        this.media.accept(media);
        copyResource("sipp/agent.xml", media.resolve("agent.xml"));
        startAsterisk();
        sipp.add(sipp(media, "callee.xml", calleePort, freeUdpRange(400 + 8 * crowd), false));
        sipp.add(sipp(media, "agent.xml", agentPort, freeUdpRange(400 + 8 * crowd), true));
        recorder = new AmiTraceRecorder("127.0.0.1", amiPort, "dialer", SECRET);
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        if (root == null) {
            return;
        }
        if (recorder != null) {
            recorder.close();
        }
        for (Process p : sipp) {
            p.destroy();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        Process stop = new ProcessBuilder(bundle().resolve("start-asterisk").toString(), "--stop", run.toString())
                .redirectErrorStream(true).redirectOutput(root.resolve("stop-asterisk.log").toFile()).start();
        stop.waitFor(30, TimeUnit.SECONDS);
    }

    private void startAsterisk() throws IOException, InterruptedException {
        ProcessBuilder start = new ProcessBuilder(bundle().resolve("start-asterisk").toString(), conf.toString(), run.toString());
        start.environment().put("ASTERISK_BUNDLE_HOME", Path.of(System.getProperty("java.io.tmpdir"), "dialer-asterisk-bundle").toString());
        start.redirectErrorStream(true).redirectOutput(root.resolve("start-asterisk.log").toFile());
        Process asterisk = start.start();
        if (!asterisk.waitFor(120, TimeUnit.SECONDS) || asterisk.exitValue() != 0) {
            throw new IllegalStateException("Asterisk did not start; see " + root.resolve("start-asterisk.log") + ": "
                    + Files.readString(root.resolve("start-asterisk.log")));
        }
    }

    /** Kills Asterisk with SIGKILL: it sends nothing, its calls vanish. */
    public void kill() throws Exception {
        long pid = Long.parseLong(Files.readString(run.resolve("asterisk.pid")).trim());
        ProcessHandle handle = ProcessHandle.of(pid).orElseThrow(() -> new IllegalStateException("Asterisk " + pid + " is not running"));
        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor(5, TimeUnit.SECONDS);
        handle.onExit().get(10, TimeUnit.SECONDS);
    }

    /** Starts Asterisk again on the same configuration and ports (after {@link #kill}), with a fresh event recorder. */
    public void startAgain() throws Exception {
        startAsterisk();
        recordAgain();
    }

    /** A fresh event recorder once Asterisk (restarted) lets an AMI session in again; the old one saw the socket close. */
    public void recordAgain() throws Exception {
        recorder.close();
        long until = System.nanoTime() + 60_000_000_000L;
        while (true) {
            try {
                recorder = new AmiTraceRecorder("127.0.0.1", amiPort, "dialer", SECRET);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > until) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
    }

    /** The server as the dialer is configured with it: the shipped AMI user, the loopback trunk. */
    public AsteriskServer server(int maxChannels) {
        return new AsteriskServer("pbx1", "127.0.0.1", amiPort, "dialer", SECRET, "PJSIP/{number}@trunk1", maxChannels);
    }

    /** The browser phones' WebSocket on Asterisk's HTTP server (http.conf, transport type ws). */
    public String websocketUrl() {
        return "ws://127.0.0.1:" + httpPort + "/ws";
    }

    /** Asterisk's configuration folder in this run: the dialer writes its browser phones there (pjsip_dialer_phones.conf). */
    public Path configuration() {
        return conf;
    }

    /** Every AMI event seen since the class started, as an observer session received it. */
    public AmiTraceRecorder events() {
        return recorder;
    }

    /** Where Asterisk writes recordings in this run (DIALER_RECORDINGS_DIR). */
    public Path recordings() {
        return root.resolve("recordings");
    }

    /** The folder the dialplan plays its recordings from in this run (DIALER_SOUNDS_DIR). */
    public Path sounds() {
        return root.resolve("sounds");
    }

    /** Runs one Asterisk CLI command and returns its output. */
    public String cli(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(bundle().resolve("start-asterisk").toString(), "--cli", run.toString(), command)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor(30, TimeUnit.SECONDS);
        return out;
    }

    /**
     * RTP packets Asterisk counted on each channel now ({@code pjsip show channelstats}), received from and sent to
     * the far end: channel name (without {@code PJSIP/}) → {received, sent}.
     */
    public Map<String, long[]> rtpPackets() throws IOException, InterruptedException {
        Map<String, long[]> counts = new LinkedHashMap<>();
        String stats = cli("pjsip show channelstats");
        for (String line : stats.split("\n")) {
            String[] t = line.trim().split("\\s+");
            String channel = java.util.Arrays.stream(t).filter(x -> x.matches(".+-[0-9a-f]{8}")).findFirst().orElse(null);
            for (int i = 1; channel != null && i + 5 < t.length; i++) {
                if (t[i].matches("ulaw|alaw|gsm|slin") && t[i + 1].matches("\\d+") && t[i + 5].matches("\\d+")) {
                    counts.put(channel, new long[] {Long.parseLong(t[i + 1]), Long.parseLong(t[i + 5])});
                    break;
                }
            }
        }
        if (counts.isEmpty()) {
            throw new IllegalStateException("no channel in: " + stats);
        }
        return counts;
    }

    private void writeConfiguration(Map<String, String> ports) throws IOException {
        for (String name : List.of("modules.conf", "manager.conf", "pjsip.conf", "rtp.conf", "extensions.conf", "logger.conf",
                "confbridge.conf", "queues.conf", "http.conf")) {
            String text = resource("conf/" + name);
            for (Map.Entry<String, String> p : ports.entrySet()) {
                text = text.replace(p.getKey(), p.getValue());
            }
            Files.writeString(conf.resolve(name), text);
        }
        for (String name : List.of("manager_dialer.conf", "extensions_dialer.conf", "amd.conf", "confbridge_dialer.conf")) {
            Files.copy(shipped(name), conf.resolve(name));
        }
        // browsers on this machine reach Asterisk's media on the loopback only
        Files.writeString(conf.resolve("pjsip_webrtc.conf"), Files.readString(shipped("pjsip_webrtc.conf"))
                .replace("[dialer-webrtc](!)\n", "[dialer-webrtc](!)\nmedia_address = 127.0.0.1\nbind_rtp_to_media_address = yes\n"));
        Map<String, String> values = new LinkedHashMap<>(globals);
        values.put("DIALER_RECORDINGS_DIR", root.resolve("recordings").toString());
        values.put("DIALER_SOUNDS_DIR", root.resolve("sounds").toString());
        Files.writeString(conf.resolve("dialer_globals.conf"), withValues(Files.readString(shipped("dialer_globals.conf")), values));
    }

    /** The shipped settings file with some values replaced, so the test proves its keys are the ones the dialplan reads. */
    static String withValues(String globals, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        for (String line : globals.split("\n", -1)) {
            int eq = line.indexOf('=');
            String key = eq > 0 && !line.startsWith(";") ? line.substring(0, eq).trim() : null;
            out.append(key != null && values.containsKey(key) ? key + "=" + values.get(key) : line).append('\n');
        }
        for (String key : values.keySet()) {
            if (!out.toString().contains("\n" + key + "=")) {
                throw new IllegalStateException("dialer_globals.conf has no setting " + key);
            }
        }
        return out.toString();
    }

    private static String agents(int agentPort, int crowd) {
        StringBuilder text = new StringBuilder();
        List<String> all = new ArrayList<>(AGENTS);
        for (int n = 0; n < crowd; n++) {
            all.add(crowdAgent(n));
        }
        all.add(AWAY_AGENT);
        all.add(DROPPING_AGENT);
        for (String agent : all) {
            text.append('[').append(agent).append("](loopback)\naors = ").append(agent).append("\n[").append(agent)
                    .append("]\ntype = aor\ncontact = sip:").append(agent).append("@127.0.0.1:").append(agentPort).append("\n\n");
        }
        return text.toString();
    }

    private static Path shipped(String name) {
        Path path = Path.of("asterisk", name);
        if (!Files.exists(path)) {
            path = Path.of("dialer-engine", "asterisk", name);
        }
        if (!Files.exists(path)) {
            path = Path.of("..", "dialer-engine", "asterisk", name); // from another module's tests
        }
        if (!Files.exists(path)) {
            throw new IllegalStateException("shipped file " + name + " not found under dialer-engine/asterisk/");
        }
        return path.toAbsolutePath();
    }

    private Process sipp(Path dir, String scenario, int port, int mediaPort, boolean echo) throws IOException {
        List<String> command = new ArrayList<>(List.of("sipp", "-sf", scenario, "-p", Integer.toString(port), "-i", "127.0.0.1",
                "-mi", "127.0.0.1", "-mp", Integer.toString(mediaPort), "-nostdin", "-aa", "-max_socket", "200", "-trace_err"));
        if (echo) {
            command.add("-rtp_echo");
        }
        String name = scenario.replace(".xml", "");
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".out").toFile()).start();
    }

    private static void exec(Path dir, List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + out);
        }
    }

    private static String resource(String name) throws IOException {
        try (var in = RealAsterisk.class.getResourceAsStream("/asterisk/" + name)) {
            if (in == null) {
                throw new IllegalStateException("test resource asterisk/" + name + " missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void copyResource(String name, Path to) throws IOException {
        Files.writeString(to, resource(name));
    }

    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** The first port of {@code size} consecutive UDP ports that are free now, at a random place above 20000. */
    private static int freeUdpRange(int size) {
        for (int tries = 0; tries < 50; tries++) {
            int start = 20_000 + 2 * ThreadLocalRandom.current().nextInt(15_000);
            if (rangeFree(start, size)) {
                return start;
            }
        }
        throw new UncheckedIOException(new IOException("no free range of " + size + " UDP ports above 20000"));
    }

    private static boolean rangeFree(int start, int size) {
        for (int port = start; port < start + size; port += 10) {
            try (DatagramSocket s = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                s.getLocalPort();
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }
}
