package org.opendialer.engine.dialer;

import java.util.Map;
import java.util.Objects;
import org.opendialer.engine.call.PhoneNumber;

/**
 * A lead ready to be dialled now. {@code skill} is the agent skill its call needs (null: any agent);
 * {@code variables} travel with the call (to the dialplan, the robot and the screen pop).
 */
public record DialLead(long leadId, PhoneNumber phone, String skill, Map<String, String> variables) implements java.io.Serializable {

    public DialLead {
        Objects.requireNonNull(phone, "phone");
        variables = variables == null ? Map.of() : Map.copyOf(variables);
    }

    public DialLead(long leadId, PhoneNumber phone) {
        this(leadId, phone, null, Map.of());
    }
}
