package org.opendialer.service.dialing;

import org.opendialer.service.web.ConflictException;

/**
 * An agent command run on the campaign's clock thread. The engine refuses a command that does not fit the agent's
 * state (ready while on a call) with {@link IllegalStateException}: the client can resolve that, so it is a conflict;
 * any other failure stays a failure.
 */
final class AgentCommands {

    private AgentCommands() {
    }

    static Void run(Runnable command) {
        try {
            command.run();
            return null;
        } catch (IllegalStateException e) {
            throw new ConflictException(e.getMessage());
        }
    }
}
