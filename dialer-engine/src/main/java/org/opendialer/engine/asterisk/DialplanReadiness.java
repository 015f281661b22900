package org.opendialer.engine.asterisk;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.ModuleCheckAction;
import org.asteriskjava.manager.action.ShowDialplanAction;
import org.asteriskjava.manager.event.ListDialplanEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;

/**
 * Whether an Asterisk server can take the dialer's calls, asked before a campaign starts on it: the dialplan
 * contexts the dialer originates and redirects into exist, and, when the campaign detects machines, {@code app_amd}
 * is loaded. Without this check a missing context shows only as every call failing.
 */
final class DialplanReadiness {

    /** Contexts every campaign's calls pass through (see dialer-engine/asterisk/extensions_dialer.conf). */
    static final List<String> CONTEXTS = List.of(AsteriskTelephony.OUTBOUND, AgentLines.LINE, AsteriskTelephony.AGENT,
            AsteriskTelephony.SAFE_HARBOUR, AsteriskTelephony.MESSAGE);
    private static final long TIMEOUT_MS = 10_000;

    private DialplanReadiness() {
    }

    /** What stops {@code server} taking the dialer's calls, one sentence each; empty when it is ready. */
    static List<String> problems(String server, ManagerConnection connection, boolean machineDetection) {
        return problems(server, connection, machineDetection, false);
    }

    /** As above; for a robot campaign also the robot's context and AudioSocket. */
    static List<String> problems(String server, ManagerConnection connection, boolean machineDetection, boolean robot) {
        List<String> problems = new ArrayList<>();
        try {
            ResponseEvents listing = connection.sendEventGeneratingAction(new ShowDialplanAction(), TIMEOUT_MS);
            if (listing.getResponse() instanceof ManagerError error) {
                problems.add(server + " does not show its dialplan to the dialer (" + error.getMessage()
                        + "); give the AMI user write = reporting, as dialer-engine/asterisk/manager_dialer.conf does");
            } else {
                Set<String> present = new TreeSet<>();
                listing.getEvents().stream().filter(ListDialplanEvent.class::isInstance)
                        .map(e -> ((ListDialplanEvent) e).getContext()).forEach(present::add);
                List<String> contexts = new ArrayList<>(CONTEXTS);
                if (robot) {
                    contexts.add(AsteriskTelephony.ROBOT);
                }
                for (String context : contexts) {
                    if (!present.contains(context)) {
                        problems.add(server + " has no dialplan context '" + context
                                + "'; include dialer-engine/asterisk/extensions_dialer.conf in its extensions.conf");
                    }
                }
            }
            if (machineDetection) {
                ManagerResponse amd = connection.sendAction(new ModuleCheckAction("app_amd"), TIMEOUT_MS);
                if (amd instanceof ManagerError) {
                    problems.add(server + " has not loaded app_amd, which machine detection needs; it loads only with an "
                            + "amd.conf (dialer-engine/asterisk/amd.conf)");
                }
            }
            if (robot && connection.sendAction(new ModuleCheckAction("app_audiosocket"), TIMEOUT_MS) instanceof ManagerError) {
                problems.add(server + " has not loaded app_audiosocket, which the speech robot's calls need (load app_audiosocket.so "
                        + "and res_audiosocket.so in modules.conf)");
            }
        } catch (Exception e) {
            problems.add(server + " did not answer the dialer's readiness check: " + e.getMessage());
        }
        return problems;
    }
}
