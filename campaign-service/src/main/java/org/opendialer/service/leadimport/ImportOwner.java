package org.opendialer.service.leadimport;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;

/**
 * Which process runs an import ({@code pid@host}), and whether that owner is gone: on the same host a
 * process that no longer exists is gone at once (a {@code kill -9}); elsewhere the owner is gone when
 * its heartbeat, renewed every {@link #HEARTBEAT} while the import runs, is older than {@link #STALE}.
 */
record ImportOwner(long pid, String host) {

    static final Duration HEARTBEAT = Duration.ofSeconds(10);
    static final Duration STALE = Duration.ofSeconds(60);

    private static final ImportOwner SELF = new ImportOwner(ProcessHandle.current().pid(), localHost());

    static ImportOwner self() {
        return SELF;
    }

    /** Null for an id that is not {@code pid@host} (one written before owners were recorded). */
    static ImportOwner parse(String id) {
        if (id == null || !id.matches("\\d+@.+")) {
            return null;
        }
        int at = id.indexOf('@');
        return new ImportOwner(Long.parseLong(id.substring(0, at)), id.substring(at + 1));
    }

    String id() {
        return pid + "@" + host;
    }

    /** Whether the import owned by {@code owner} (null: unknown) and last seen at {@code heartbeat} has been abandoned. */
    static boolean gone(ImportOwner owner, Instant heartbeat, Instant now) {
        if (owner == null || heartbeat == null || heartbeat.isBefore(now.minus(STALE))) {
            return true;
        }
        if (owner.equals(SELF)) {
            return false;
        }
        return owner.host().equals(SELF.host()) && ProcessHandle.of(owner.pid()).map(p -> !p.isAlive()).orElse(true);
    }

    private static String localHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "localhost";
        }
    }
}
