package org.opendialer.service.campaign;

/** How the campaign paces calls; each maps onto one pacing policy of the engine. */
public enum DialingMode {
    PREDICTIVE, PROGRESSIVE, PREVIEW, POWER, AGENTLESS;

    /** The engine's policy spec, e.g. {@code progressive:1.2} or {@code power:2}. */
    public String policySpec(double factor) {
        return switch (this) {
            case PREDICTIVE -> "predictive";
            case PROGRESSIVE -> "progressive:" + factor;
            case PREVIEW -> "preview";
            case POWER -> "power:" + factor;
            case AGENTLESS -> "agentless";
        };
    }
}
