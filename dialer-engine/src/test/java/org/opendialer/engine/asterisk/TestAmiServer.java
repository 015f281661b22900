package org.opendialer.engine.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A stand-in Asterisk for tests: it speaks the AMI wire protocol over TCP (banner, MD5 challenge login,
 * responses echoing ActionID, events), so the real Asterisk-Java {@code ManagerConnection} talks to it as to
 * a server. Originated calls play out as the test scripted them by the number dialled: answered by a person
 * or a machine after a delay, busy, no answer, congestion, as Asterisk 22 reports them (a failed dial answers
 * the originate with Reason 0 and gives the cause in HangupRequest/Hangup; a call redirected to the agent is
 * bridged a little later), or as a real Asterisk was recorded handling one ({@link Callee#replaying}).
 * Redirect, SetVar and Hangup are obeyed and logged.
 */
public final class TestAmiServer implements AutoCloseable {

    /** What the callee at a number does. */
    public record Callee(String outcome, long afterMillis, long talkMillis) {
        /** Replays the AMI events a real Asterisk sent for one call, recorded in {@code asterisk/traces/<name>.txt}. */
        public static Callee replaying(String trace) {
            return new Callee("trace:" + trace, 0, 0);
        }
    }

    private final ServerSocket socket;
    private final String secret;
    private final Map<String, Callee> callees;
    private final ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
    private final List<Map<String, String>> actions = new CopyOnWriteArrayList<>();
    private final List<Session> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, String> channelsByUniqueId = new java.util.concurrent.ConcurrentHashMap<>();
    private volatile boolean running = true;
    private volatile java.util.Set<String> dialplan = java.util.Set.of("dialer-outbound", "dialer-agent-line", "dialer-agent", "dialer-robot",
            "dialer-safe-harbour", "dialer-message", "dialer-hangup");
    private volatile java.util.Set<String> modules = java.util.Set.of("app_amd", "app_confbridge", "res_agi");
    private volatile long stalledUntil;
    private final Map<String, Long> answeredAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final List<Long> answerToRoute = new CopyOnWriteArrayList<>();

    public TestAmiServer(String secret, Map<String, Callee> callees) throws IOException {
        this.socket = new ServerSocket(0);
        this.secret = secret;
        this.callees = callees;
        Thread acceptor = new Thread(this::accept, "test-ami");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The dialplan contexts this server shows (the shipped dialer contexts unless told otherwise). */
    public void dialplan(java.util.Set<String> contexts) {
        this.dialplan = java.util.Set.copyOf(contexts);
    }

    /** The modules this server has loaded. */
    public void modules(java.util.Set<String> loaded) {
        this.modules = java.util.Set.copyOf(loaded);
    }

    public int port() {
        return socket.getLocalPort();
    }

    /** Stops answering for {@code millis} (reads nothing, sends nothing), as an overloaded Asterisk would. */
    void stall(long millis) {
        stalledUntil = System.nanoTime() + millis * 1_000_000;
    }

    /** Sends raw text to every connected client: malformed blocks, unknown events, garbage. */
    void inject(String raw) {
        for (Session s : sessions) {
            s.write(raw);
        }
    }

    /** Nanoseconds from each "Up" event sent to the first action routing that channel (SetVar or Redirect). */
    List<Long> answerToRouteNanos() {
        return answerToRoute;
    }

    /** Every action received, as key/value maps (keys lower case). */
    List<Map<String, String>> actions() {
        return actions;
    }

    public List<Map<String, String>> actions(String name) {
        return actions.stream().filter(a -> name.equalsIgnoreCase(a.get("action"))).toList();
    }

    /**
     * Drops every client connection, as a restarted Asterisk would; with {@code losingCalls} the calls in
     * progress are gone too (no Hangup event is ever sent for them).
     */
    void dropConnections(boolean losingCalls) throws IOException {
        if (losingCalls) {
            channelsByUniqueId.clear();
        }
        for (Session s : sessions) {
            s.socket.close();
        }
    }

    int sessions() {
        return sessions.size();
    }

    private void accept() {
        while (running) {
            try {
                Socket client = socket.accept();
                client.setTcpNoDelay(true); // as Asterisk: every event goes out at once
                Session session = new Session(client);
                sessions.add(session);
                Thread t = new Thread(session::serve, "test-ami-session");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private final class Session {
        /** Recorded calls whose next events follow the dialer's Redirect of this channel. */
        private final Map<String, Runnable> awaitingRedirect = new java.util.concurrent.ConcurrentHashMap<>();
        final Socket socket;
        Writer out;
        String challenge;

        Session(Socket socket) {
            this.socket = socket;
        }

        void serve() {
            try (socket; BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
                out = new OutputStreamWriter(socket.getOutputStream(), StandardCharsets.UTF_8);
                write("Asterisk Call Manager/11.0.0\r\n");
                Map<String, String> message = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    long stall = stalledUntil - System.nanoTime();
                    if (stall > 0) {
                        Thread.sleep(stall / 1_000_000);
                    }
                    if (line.isEmpty()) {
                        if (!message.isEmpty()) {
                            handle(message);
                        }
                        message = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
                    } else {
                        int colon = line.indexOf(':');
                        if (colon > 0) {
                            String key = line.substring(0, colon).trim();
                            String value = line.substring(colon + 1).trim();
                            message.merge(key, value, (a, b) -> a + "\n" + b); // repeated Variable: lines
                        }
                    }
                }
            } catch (IOException ignored) {
                // client gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                sessions.remove(this);
            }
        }

        void handle(Map<String, String> m) throws IOException {
            String routed = m.get("channel");
            if (routed != null && ("setvar".equalsIgnoreCase(m.get("action")) || "redirect".equalsIgnoreCase(m.get("action")))) {
                Long up = answeredAt.remove(routed);
                if (up != null) {
                    answerToRoute.add(System.nanoTime() - up);
                }
            }
            Map<String, String> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            copy.putAll(m);
            actions.add(copy);
            String id = m.getOrDefault("actionid", "");
            String action = m.getOrDefault("action", "");
            switch (action.toLowerCase()) {
                case "challenge" -> {
                    challenge = Long.toString(System.nanoTime());
                    respond(id, "Success", "Challenge: " + challenge);
                }
                case "login" -> {
                    if (md5(challenge + secret).equals(m.get("key"))) {
                        respond(id, "Success", "Message: Authentication accepted");
                        write("Event: FullyBooted\r\nPrivilege: system,all\r\nStatus: Fully Booted\r\n\r\n");
                    } else {
                        respond(id, "Error", "Message: Authentication failed");
                    }
                }
                case "coresettings" -> respond(id, "Success", "AsteriskVersion: 18.10.0\r\nAMIversion: 5.0.1");
                case "coreshowchannels" -> {
                    respond(id, "Success", "EventList: start\r\nMessage: Channels will follow");
                    for (Map.Entry<String, String> c : channelsByUniqueId.entrySet()) {
                        write("Event: CoreShowChannel\r\nActionID: " + id + "\r\nChannel: " + c.getValue() + "\r\nUniqueid: "
                                + c.getKey() + "\r\nChannelState: 6\r\nChannelStateDesc: Up\r\n\r\n");
                    }
                    write("Event: CoreShowChannelsComplete\r\nActionID: " + id + "\r\nEventList: Complete\r\nListItems: "
                            + channelsByUniqueId.size() + "\r\n\r\n");
                }
                case "originate" -> {
                    respond(id, "Success", "Message: Originate successfully queued");
                    originate(m, id);
                }
                case "hangup" -> {
                    respond(id, "Success", "Message: Channel Hungup");
                    String channel = m.get("channel");
                    int cause = m.containsKey("cause") ? Integer.parseInt(m.get("cause")) : 0; // as Asterisk: no cause given, 0
                    channelsByUniqueId.entrySet().stream().filter(e -> e.getValue().equals(channel) || e.getKey().equals(channel))
                            .findFirst().ifPresent(e -> hangup(e.getValue(), e.getKey(), cause, cause == 16 ? "Normal Clearing" : "Unknown"));
                }
                case "redirect" -> {
                    respond(id, "Success", "Message: Redirect successful");
                    String channel = m.get("channel");
                    Runnable replayed = "dialer-agent".equals(m.get("context")) ? awaitingRedirect.remove(channel) : null;
                    if (replayed != null) {
                        replayed.run();
                    }
                    if ("dialer-agent".equals(m.get("context"))) {
                        String conference = "Conference: dialer-agent-" + m.get("exten") + "\r\nBridgeType: base";
                        channelsByUniqueId.entrySet().stream().filter(e -> e.getValue().equals(channel) || e.getKey().equals(channel))
                                .findFirst().ifPresent(e -> later(2, () -> {
                                    event("BridgeEnter", e.getValue(), e.getKey(), "BridgeUniqueid: b-" + m.get("exten") + "\r\nBridgeType: base");
                                    event("ConfbridgeJoin", e.getValue(), e.getKey(), conference);
                                }));
                    }
                }
                case "ping" -> respond(id, "Success", "Ping: Pong\r\nTimestamp: " + System.currentTimeMillis() / 1000.0);
                case "showdialplan" -> { // as Asterisk 22: one ListDialplan event per priority, then the completion
                    respond(id, "Success", "EventList: start\r\nMessage: DialPlan list will follow");
                    for (String context : dialplan) {
                        write("Event: ListDialplan\r\nActionID: " + id + "\r\nContext: " + context + "\r\nExtension: s\r\n"
                                + "Priority: 1\r\nApplication: NoOp\r\nAppData: \r\nRegistrar: pbx_config\r\n\r\n");
                    }
                    write("Event: ShowDialPlanComplete\r\nActionID: " + id + "\r\nEventList: Complete\r\nListItems: "
                            + dialplan.size() + "\r\nListExtensions: " + dialplan.size() + "\r\nListPriorities: " + dialplan.size()
                            + "\r\nListContexts: " + dialplan.size() + "\r\n\r\n");
                }
                case "modulecheck" -> {
                    if (modules.contains(m.getOrDefault("module", "").replaceFirst("\\.so$", ""))) {
                        respond(id, "Success", "Version: 22.10.1");
                    } else {
                        respond(id, "Error", "Message: Module not loaded");
                    }
                }
                case "logoff" -> {
                    respond(id, "Goodbye", "Message: Thanks for all the fish.");
                    socket.close();
                }
                default -> respond(id, "Success", "Message: " + action + " done");
            }
        }

        void originate(Map<String, String> m, String actionId) {
            String channelSpec = m.get("channel");
            String uniqueId = m.get("channelid");
            if ("dialer-agent-line".equals(m.get("context"))) {
                agentLine(channelSpec, uniqueId, actionId, m.get("exten"));
                return;
            }
            String number = channelSpec.replaceAll("^[^/]*/([^@]*).*$", "$1");
            Callee callee = callees.getOrDefault(number, new Callee("noanswer", 50, 0));
            if (callee.outcome().startsWith("trace:")) {
                replay(AmiTrace.load(callee.outcome().substring("trace:".length())), uniqueId, actionId);
                return;
            }
            String channel = channelSpec + "-0000" + (channelsByUniqueId.size() + 1);
            channelsByUniqueId.put(uniqueId, channel);
            boolean amd = m.getOrDefault("variable", "").contains("DIALER_AMD=1");
            boolean record = m.getOrDefault("variable", "").contains("DIALER_RECORD=1");
            String campaign = m.getOrDefault("variable", "").replaceAll("(?s).*CAMPAIGN_ID=(\\d+).*", "$1");
            later(10, () -> event("Newchannel", channel, uniqueId, "ChannelState: 0\r\nChannelStateDesc: Down"));
            later(15, () -> event("DialBegin", channel, uniqueId, "DialString: " + number + "\r\nDestChannel: " + channel));
            later(20, () -> event("Newstate", channel, uniqueId, "ChannelState: 5\r\nChannelStateDesc: Ringing"));
            switch (callee.outcome()) {
                case "human", "machine" -> {
                    later(20 + callee.afterMillis(), () -> {
                        answeredAt.put(channel, System.nanoTime());
                        event("Newstate", channel, uniqueId, "ChannelState: 6\r\nChannelStateDesc: Up");
                        event("DialEnd", channel, uniqueId, "DialStatus: ANSWER\r\nDestChannel: " + channel);
                        write("Event: OriginateResponse\r\nActionID: " + actionId + "\r\nResponse: Success\r\nChannel: " + channel
                                + "\r\nContext: dialer-outbound\r\nExten: s\r\nReason: 4\r\nUniqueid: " + uniqueId + "\r\n\r\n");
                        if (record) {
                            event("VarSet", channel, uniqueId, "Variable: DIALER_RECORDING\r\nValue: /var/spool/asterisk/monitor/dialer/"
                                    + campaign + "/" + uniqueId.replace("dialer-", "") + ".wav");
                        }
                        if (amd) {
                            String status = callee.outcome().equals("machine") ? "MACHINE/LONGGREETING-1600-1500" : "HUMAN/HUMAN-560-800";
                            event("VarSet", channel, uniqueId, "Variable: DIALER_AMD_RESULT\r\nValue: " + status);
                        }
                    });
                    if (callee.talkMillis() > 0) {
                        later(20 + callee.afterMillis() + callee.talkMillis(), () -> hangup(channel, uniqueId, 16, "Normal Clearing"));
                    }
                }
                case "busy" -> later(20 + callee.afterMillis(), () -> failed(actionId, channel, uniqueId, 0, 17, "User busy"));
                case "congestion" -> later(20 + callee.afterMillis(), () -> failed(actionId, channel, uniqueId, 0, 34, "Circuit/channel congestion"));
                default -> later(20 + callee.afterMillis(), () -> failed(actionId, channel, uniqueId, 3, 19, "User alerting, no answer"));
            }
        }

        /**
         * An agent's phone originated into its conference, as Asterisk 22 reports it: phones named agent19xx never
         * answer (Reason 3 after a ring, then the Hangup), the others answer and join {@code dialer-agent-<agent>}.
         */
        void agentLine(String phone, String uniqueId, String actionId, String agent) {
            String channel = phone + "-0000" + (channelsByUniqueId.size() + 1);
            channelsByUniqueId.put(uniqueId, channel);
            later(5, () -> event("Newchannel", channel, uniqueId, "ChannelState: 0\r\nChannelStateDesc: Down"));
            later(8, () -> event("Newstate", channel, uniqueId, "ChannelState: 5\r\nChannelStateDesc: Ringing"));
            if (phone.contains("agent19")) {
                later(200, () -> {
                    write("Event: OriginateResponse\r\nActionID: " + actionId + "\r\nResponse: Failure\r\nChannel: " + phone
                            + "\r\nContext: dialer-agent-line\r\nExten: " + agent + "\r\nReason: 3\r\nUniqueid: " + uniqueId + "\r\n\r\n");
                    hangup(channel, uniqueId, 19, "User alerting, no answer");
                });
                return;
            }
            later(30, () -> {
                event("Newstate", channel, uniqueId, "ChannelState: 6\r\nChannelStateDesc: Up");
                write("Event: OriginateResponse\r\nActionID: " + actionId + "\r\nResponse: Success\r\nChannel: " + channel
                        + "\r\nContext: dialer-agent-line\r\nExten: " + agent + "\r\nReason: 4\r\nUniqueid: " + uniqueId + "\r\n\r\n");
                event("BridgeEnter", channel, uniqueId, "BridgeUniqueid: b-" + agent + "\r\nBridgeType: base");
                event("ConfbridgeJoin", channel, uniqueId, "Conference: dialer-agent-" + agent);
            });
        }

        /**
         * Sends a recorded call's events with the recorded gaps (each at most 300 ms), the recorded unique id
         * replaced by this originate's and the OriginateResponse answering this originate's ActionID.
         */
        void replay(AmiTrace trace, String uniqueId, String actionId) {
            replayFrom(trace, 0, uniqueId, actionId);
        }

        /**
         * Replays from event {@code first}; the events of the call's entry into the agent's conference (context
         * dialer-agent) wait for the dialer's Redirect there, as they did on the real Asterisk.
         */
        private void replayFrom(AmiTrace trace, int first, String uniqueId, String actionId) {
            long at = 0;
            long previous = -1;
            List<AmiTrace.Event> events = trace.events();
            for (int i = first; i < events.size(); i++) {
                AmiTrace.Event e = events.get(i);
                if (first == 0 && i > 0 && "dialer-agent".equals(e.fields().get("Context")) && e.fields().get("Channel") != null) {
                    int next = i;
                    awaitingRedirect.put(e.fields().get("Channel"), () -> replayFrom(trace, next, uniqueId, actionId));
                    return;
                }
                at += previous < 0 ? (first == 0 ? 10 : 1) : Math.min(300, Math.max(0, e.offsetMillis() - previous));
                previous = e.offsetMillis();
                String text = e.wireText(trace.uniqueId(), uniqueId, actionId);
                later(at, () -> write(text));
            }
        }

        void failed(String actionId, String channel, String uniqueId, int reason, int cause, String text) {
            if (reason == 0) {
                event("HangupRequest", channel, uniqueId, "Cause: " + cause);
            }
            write("Event: OriginateResponse\r\nActionID: " + actionId + "\r\nResponse: Failure\r\nChannel: " + channel
                    + "\r\nContext: dialer-outbound\r\nExten: s\r\nReason: " + reason + "\r\nUniqueid: " + uniqueId + "\r\n\r\n");
            hangup(channel, uniqueId, cause, text);
        }

        void hangup(String channel, String uniqueId, int cause, String text) {
            if (channelsByUniqueId.remove(uniqueId) != null) {
                event("Hangup", channel, uniqueId, "Cause: " + cause + "\r\nCause-txt: " + text);
            }
        }

        void event(String name, String channel, String uniqueId, String fields) {
            write("Event: " + name + "\r\nPrivilege: call,all\r\nChannel: " + channel + "\r\nUniqueid: " + uniqueId
                    + "\r\nLinkedid: " + uniqueId + "\r\n" + fields + "\r\n\r\n");
        }

        void respond(String actionId, String response, String fields) {
            write("Response: " + response + "\r\nActionID: " + actionId + "\r\n" + fields + "\r\n\r\n");
        }

        synchronized void write(String text) {
            long stall = stalledUntil - System.nanoTime();
            if (stall > 0) {
                try {
                    Thread.sleep(stall / 1_000_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            try {
                out.write(text);
                out.flush();
            } catch (IOException ignored) {
                // client gone
            }
        }

        void later(long millis, Runnable task) {
            timers.schedule(task, millis, TimeUnit.MILLISECONDS);
        }
    }

    static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        socket.close();
        timers.shutdownNow();
        for (Session s : new ArrayList<>(sessions)) {
            s.socket.close();
        }
    }
}
