package org.opendialer.engine.asterisk;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * An observer AMI session on a real Asterisk: logs in with plain text, receives every event and keeps them with
 * their time of receipt, so a test can wait for what Asterisk really said about a call and save it as a trace
 * ({@link AmiTrace}) for the fast replay tests.
 */
public final class AmiTraceRecorder implements AutoCloseable {

    /** One event as received: milliseconds since the epoch and its fields in wire order. */
    public record Received(long atMillis, Map<String, String> fields) {
        public String name() {
            return fields.getOrDefault("Event", "");
        }

        public String get(String field) {
            return fields.get(field);
        }

        boolean about(String uniqueId) {
            return uniqueId.equals(fields.get("Uniqueid")) || uniqueId.equals(fields.get("DestUniqueid"))
                    || uniqueId.equals(fields.get("Linkedid"));
        }
    }

    private final Socket socket;
    private final List<Received> events = new ArrayList<>();

    AmiTraceRecorder(String host, int port, String user, String secret) throws IOException {
        socket = new Socket(host, port);
        OutputStream out = socket.getOutputStream();
        out.write(("Action: Login\r\nUsername: " + user + "\r\nSecret: " + secret + "\r\nEvents: call,dialplan,user,agent\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        out.flush();
        Thread reader = new Thread(this::read, "ami-trace-recorder");
        reader.setDaemon(true);
        reader.start();
        synchronized (this) {
            long until = System.nanoTime() + 10_000_000_000L;
            while (!loggedIn && System.nanoTime() < until) {
                try {
                    wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (!loggedIn) {
            throw new IOException("the observer AMI session was not let in on port " + port);
        }
    }

    private volatile boolean loggedIn;

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))) {
            Map<String, String> block = new LinkedHashMap<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    if ("Success".equals(block.get("Response"))) {
                        synchronized (this) {
                            loggedIn = true;
                            notifyAll();
                        }
                    }
                    if (block.containsKey("Event")) {
                        synchronized (this) {
                            events.add(new Received(System.currentTimeMillis(), block));
                            notifyAll();
                        }
                    }
                    block = new LinkedHashMap<>();
                } else {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        block.putIfAbsent(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
                    }
                }
            }
        } catch (IOException closed) {
            // the session ends with the test class
        }
    }

    /** A value as the channel holds it: AMI events show quotes and backslashes escaped with a backslash. */
    public static String unescaped(String value) {
        return value == null ? null : value.replaceAll("\\\\(.)", "$1");
    }

    /** The events about a call (its own channel, the agent leg it dialled), in order of receipt. */
    public synchronized List<Received> of(String uniqueId) {
        return events.stream().filter(e -> e.about(uniqueId)).toList();
    }

    /** Every event received so far. */
    public synchronized List<Received> all() {
        return List.copyOf(events);
    }

    /** Waits until any event matches, and returns it. */
    public Received awaitAny(Predicate<Received> wanted, Duration timeout) throws InterruptedException {
        return await(null, wanted, timeout);
    }

    /** Waits until an event about the call (null: any event) matches, and returns it. */
    public synchronized Received await(String uniqueId, Predicate<Received> wanted, Duration timeout) throws InterruptedException {
        long until = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (Received e : events) {
                if ((uniqueId == null || e.about(uniqueId)) && wanted.test(e)) {
                    return e;
                }
            }
            long left = until - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError("no matching AMI event about " + uniqueId + " within " + timeout + "; got "
                        + (uniqueId == null ? events.size() + " events" : of(uniqueId).stream().map(Received::name).toList()));
            }
            wait(Math.max(1, left / 1_000_000));
        }
    }

    /** Writes the call's events in the trace format {@link AmiTrace} reads (time of receipt, then the fields). */
    public void save(String uniqueId, Path file, String title) throws IOException {
        DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
        StringBuilder text = new StringBuilder("# ").append(title).append('\n')
                .append("# Recorded from a real Asterisk 22 by the dialer's end-to-end tests (observer AMI session).\n\n");
        for (Received e : of(uniqueId)) {
            text.append('@').append(LocalTime.ofInstant(java.time.Instant.ofEpochMilli(e.atMillis()), ZoneOffset.UTC).format(time)).append('\n');
            e.fields().forEach((k, v) -> text.append(k).append(": ").append(v).append('\n'));
            text.append('\n');
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
