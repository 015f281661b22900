package org.opendialer.reports.stats;

/** Attempts counted by how they ended, for one period or a whole range. */
public final class CallCounts {
    long attempts;
    long human;
    long machine;
    long busy;
    long noAnswer;
    long failed;
    long abandoned;
    long amdDecided;
    long talkSeconds;
    long conversations;

    void add(String result, boolean abandonedCall, int talk, boolean amd) {
        attempts++;
        if (result == null) {
            return;
        }
        switch (result) {
            case "HUMAN" -> human++;
            case "MACHINE" -> machine++;
            case "BUSY" -> busy++;
            case "NO_ANSWER" -> noAnswer++;
            default -> failed++;
        }
        if (abandonedCall && "HUMAN".equals(result)) {
            abandoned++;
        }
        if (amd) {
            amdDecided++;
        }
        if (talk > 0) {
            talkSeconds += talk;
            conversations++;
        }
    }

    public long attempts() {
        return attempts;
    }

    public long human() {
        return human;
    }

    public long machine() {
        return machine;
    }

    public long busy() {
        return busy;
    }

    public long noAnswer() {
        return noAnswer;
    }

    public long failed() {
        return failed;
    }

    public long abandoned() {
        return abandoned;
    }

    public long connects() {
        return human + machine;
    }

    public double connectRate() {
        return ratio(connects(), attempts);
    }

    public double humanRate() {
        return ratio(human, attempts);
    }

    /** Abandoned live answers over live (human) answers: the regulator's rate. */
    public double abandonRate() {
        return ratio(abandoned, human);
    }

    /** Answers on which machine detection gave a verdict, over all answers. */
    public double amdShare() {
        return ratio(amdDecided, connects());
    }

    public double averageTalkSeconds() {
        return ratio(talkSeconds, conversations);
    }

    public long talkSeconds() {
        return talkSeconds;
    }

    static double ratio(double a, double b) {
        return b == 0 ? 0 : a / b;
    }
}
