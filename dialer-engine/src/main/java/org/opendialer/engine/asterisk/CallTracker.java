package org.opendialer.engine.asterisk;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.opendialer.engine.call.AttemptId;

/**
 * The calls the dialer follows on its Asterisk servers, found by attempt, by the unique id every AMI event of the
 * call carries, and with the server it lives on. Read and written by the placing thread and every server's AMI event
 * thread.
 */
final class CallTracker {

    private static final String ACTION_PREFIX = "attempt-";

    private final Map<AttemptId, AsteriskCall> calls = new ConcurrentHashMap<>();
    private final Map<String, AsteriskCall> byUniqueId = new ConcurrentHashMap<>();
    private final Map<String, ServerLink> serverOf = new ConcurrentHashMap<>();

    /** The originate's ActionID: our attempt id, so a response can be matched even before the channel exists. */
    static String actionId(AttemptId attempt) {
        return ACTION_PREFIX + attempt.value();
    }

    void follow(AsteriskCall call, ServerLink server) {
        calls.put(call.attempt, call);
        byUniqueId.put(call.uniqueId, call);
        serverOf.put(call.uniqueId, server);
    }

    AsteriskCall get(AttemptId attempt) {
        return calls.get(attempt);
    }

    AsteriskCall byUniqueId(String uniqueId) {
        return uniqueId == null ? null : byUniqueId.get(uniqueId);
    }

    /** The call an OriginateResponse answers: by the unique id it names, else by its ActionID. */
    AsteriskCall answeredBy(OriginateResponseEvent response) {
        AsteriskCall call = byUniqueId(response.getUniqueId());
        String action = response.getActionId();
        if (call == null && action != null && action.startsWith(ACTION_PREFIX)) {
            call = calls.get(new AttemptId(Long.parseLong(action.substring(ACTION_PREFIX.length()))));
        }
        return call;
    }

    ServerLink serverOf(AsteriskCall call) {
        return serverOf.get(call.uniqueId);
    }

    /** Every call followed now (a copy). */
    List<AsteriskCall> all() {
        return List.copyOf(calls.values());
    }

    /**
     * Stops following the call and hands {@code wasOn} the server it lived on.
     *
     * @return false when it was no longer followed (ended already)
     */
    boolean forget(AsteriskCall call, Consumer<ServerLink> wasOn) {
        if (calls.remove(call.attempt) == null) {
            return false;
        }
        byUniqueId.remove(call.uniqueId);
        ServerLink server = serverOf.remove(call.uniqueId);
        if (server != null) {
            wasOn.accept(server);
        }
        return true;
    }
}
