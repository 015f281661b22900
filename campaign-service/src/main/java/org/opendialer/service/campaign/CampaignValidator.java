package org.opendialer.service.campaign;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongPredicate;
import org.opendialer.engine.dialer.MachineAction;
import org.opendialer.service.web.FieldError;
import org.opendialer.service.web.InvalidRequestException;
import org.opendialer.service.web.Problems;

/**
 * Applies a {@link CampaignForm} onto a base campaign (the defaults, or the stored one) and checks every
 * value, collecting one error per bad field so the UI can show them all at once.
 */
public final class CampaignValidator {

    /** The earliest and latest schedule a campaign may have: anything outside is a typo, not a plan. */
    static final Instant EARLIEST_SCHEDULE = Instant.parse("2000-01-01T00:00:00Z");
    static final Instant LATEST_SCHEDULE = Instant.parse("2100-01-01T00:00:00Z");
    private static final int MAX_DATES = 366;
    private static final int MAX_RETRY_SECONDS = 90 * 86_400;
    /** One MACHINE verdict in fifty goes to an agent to be marked person or machine. */
    static final double DEFAULT_AMD_AUDIT_SHARE = 0.02;

    private final List<FieldError> errors = new ArrayList<>();
    private final LongPredicate scriptExists;

    private CampaignValidator(LongPredicate scriptExists) {
        this.scriptExists = scriptExists;
    }

    /** Defaults for a new campaign named {@code name}. */
    public static Campaign defaults(String name) {
        return new Campaign(0, name, CampaignStatus.DRAFT, null, new Pacing(DialingMode.PREDICTIVE, 1.0, 120, 0.25, 30),
                new CallerLine(null, TelephonyType.SIMULATED, "US", 22, false), CallingWindow.DEFAULT, new AttemptLimits(5, 2, LeadOrder.NEW_FIRST),
                RetryDelays.DEFAULT, new AbandonRules(new AbandonTarget(0.03), AbandonWindow.THIRTY_DAYS, 2000),
                new AmdSettings(false, MachineAction.HANG_UP, null, DEFAULT_AMD_AUDIT_SHARE), new RobotSettings(null, 10),
                ZoneId.of("UTC"), new CampaignSchedule(null, null), null, 0);
    }

    /**
     * The campaign {@code form} describes on top of {@code base}; throws {@link InvalidRequestException} listing
     * every bad field. {@code scriptExists} tells whether a talk track id names a stored script.
     */
    public static Campaign apply(Campaign base, CampaignForm form, LongPredicate scriptExists) {
        return new CampaignValidator(scriptExists).merge(base, form);
    }

    /** As {@link #apply(Campaign, CampaignForm, LongPredicate)} checking the script against {@code campaigns}. */
    public static Campaign apply(Campaign base, CampaignForm form, CampaignRepository campaigns) {
        return apply(base, form, campaigns::scriptExists);
    }

    private Campaign merge(Campaign b, CampaignForm f) {
        String name = f.name() == null ? b.name() : f.name().trim();
        if (name == null || name.isEmpty()) {
            errors.add(new FieldError("name", "a campaign needs a name"));
        } else if (name.length() > 128) {
            errors.add(new FieldError("name", "at most 128 characters"));
        }
        DialingMode mode = parse("mode", f.mode(), b.mode(), s -> DialingMode.valueOf(s.toUpperCase()),
                "one of PREDICTIVE, PROGRESSIVE, PREVIEW, POWER, AGENTLESS");
        double factor = f.modeFactor() == null ? b.pacing().modeFactor() : f.modeFactor();
        check("modeFactor", factor >= 1 && factor <= 5, "between 1 and 5 (progressive factor or power lines per agent)");
        TelephonyType telephony = parse("telephony", f.telephony(), b.line().telephony(), TelephonyType::parse,
                "SIMULATED or ASTERISK");
        String region = f.defaultRegion() == null ? b.line().defaultRegion() : f.defaultRegion().trim().toUpperCase();
        check("defaultRegion", PhoneNumberUtil.getInstance().getSupportedRegions().contains(region),
                "a two-letter region phone numbers are read in, e.g. US, GB, CN");
        CallingWindow window = window(b.window(), f);
        int maxAttempts = number("maxAttempts", f.maxAttempts(), b.limits().maxAttempts(), 1, 100);
        int perDay = number("maxAttemptsPerDay", f.maxAttemptsPerDay(), b.limits().maxAttemptsPerDay(), 1, 100);
        RetryDelays r = b.retry();
        RetryDelays retry = new RetryDelays(
                seconds("retryBusySeconds", f.retryBusySeconds(), r.busy()),
                seconds("retryNoAnswerSeconds", f.retryNoAnswerSeconds(), r.noAnswer()),
                seconds("retryMachineSeconds", f.retryMachineSeconds(), r.machine()),
                seconds("retryAbandonedSeconds", f.retryAbandonedSeconds(), r.abandoned()),
                seconds("retryFailedSeconds", f.retryFailedSeconds(), r.failed()));
        check("retryAbandonedSeconds", retry.abandoned().compareTo(Duration.ofHours(72)) >= 0,
                "an abandoned number may not be redialled within 72 h (259200 s)");
        AbandonTarget target = b.abandon().target();
        if (f.abandonTarget() != null) {
            try {
                target = new AbandonTarget(f.abandonTarget());
                check("abandonTarget", target.withinCampaignLimit(), "a share between 0 and 0.05 (3 % is 0.03)");
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("abandonTarget", "a share between 0 and 0.05 (3 % is 0.03)"));
            }
        }
        AbandonWindow abandonWindow = parse("abandonWindow", f.abandonWindow(), b.abandon().window(), AbandonWindow::parse,
                "30D or 24H");
        int connect = number("connectTimeoutMs", f.connectTimeoutMs(), b.abandon().connectTimeoutMs(), 0, 2000);
        int ring = number("ringTimeoutSeconds", f.ringTimeoutSeconds(), b.line().ringTimeoutSeconds(), 15, 120);
        boolean amd = f.amdEnabled() == null ? b.amd().enabled() : f.amdEnabled();
        MachineAction action = parse("amdAction", f.amdAction(), b.amd().action(),
                s -> Campaign.machineAction(s.toUpperCase()), "HANGUP, LEAVE_MESSAGE or PASS_TO_AGENT");
        // the share of people detection takes for a machine: a negative number clears it (unknown, the audit measures it)
        Double falseMachine = f.amdFalseMachineShare() == null ? b.amd().falseMachineShare()
                : f.amdFalseMachineShare() < 0 ? null : f.amdFalseMachineShare();
        if (falseMachine != null) {
            check("amdFalseMachineShare", Double.isFinite(falseMachine) && falseMachine <= 0.5,
                    "a share between 0 and 0.5 (people detection hangs up on), or -1 for unknown");
        }
        double auditShare = f.amdAuditShare() == null ? b.amd().auditShare() : f.amdAuditShare();
        check("amdAuditShare", Double.isFinite(auditShare) && auditShare >= 0 && auditShare <= 1,
                "a share between 0 and 1 of MACHINE verdicts to pass to an agent (e.g. 0.02)");
        boolean recording = f.recording() == null ? b.line().recording() : f.recording();
        LeadOrder order = parse("leadOrder", f.leadOrder(), b.limits().leadOrder(), s -> LeadOrder.valueOf(s.toUpperCase()),
                "NEW_FIRST, OLDEST_FIRST, PRIORITY or RANDOM");
        int talk = number("expectedTalkSeconds", f.expectedTalkSeconds(), b.pacing().expectedTalkSeconds(), 5, 3600);
        double live = f.expectedLiveRate() == null ? b.pacing().expectedLiveRate() : f.expectedLiveRate();
        check("expectedLiveRate", live > 0 && live <= 1, "a share between 0 and 1");
        int robots = number("robotPorts", f.robotPorts(), b.robot().robotPorts(), 0, 10_000);
        int trunks = number("trunkLines", f.trunkLines(), b.pacing().trunkLines(), 1, 100_000);
        ZoneId zone = parse("reportZone", f.reportZone(), b.reportZone(), ZoneId::of, "an IANA time zone, e.g. Asia/Shanghai");
        Instant start = instant("scheduledStart", f.scheduledStart(), b.schedule().start());
        Instant stop = instant("scheduledStop", f.scheduledStop(), b.schedule().stop());
        if (start != null && stop != null) {
            check("scheduledStop", stop.isAfter(start), "must be after scheduledStart");
        }
        if (mode == DialingMode.AGENTLESS) {
            check("robotPorts", robots > 0, "agentless campaigns need at least one robot port");
        }
        // a number is written with spaces, dashes, dots or brackets as often as without: keep its digits and leading +
        String callerId = f.callerId() == null ? b.line().callerId() : tidyNumber(f.callerId());
        if (callerId != null && !callerId.isEmpty()) {
            check("callerId", callerId.matches("\\+?[0-9]{3,20}"), "digits, optionally with a leading +");
        }
        Long scriptId = f.scriptId() == null ? b.robot().scriptId() : f.scriptId();
        if (f.scriptId() != null) {
            check("scriptId", f.scriptId() > 0 && scriptExists.test(f.scriptId()), "no talk track with id " + f.scriptId());
        }
        String weights = f.gradingWeights() == null ? b.gradingWeights() : f.gradingWeights().trim();
        if (weights != null && weights.length() > 1000) {
            errors.add(new FieldError("gradingWeights", "at most 1000 characters"));
        } else if (weights != null && !weights.isEmpty()) {
            try {
                org.opendialer.reports.ranking.GradingWeights.parse(weights);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("gradingWeights", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new Campaign(b.id(), name, b.status(), b.statusReason(), new Pacing(mode, factor, talk, live, trunks),
                new CallerLine(callerId == null || callerId.isEmpty() ? null : callerId, telephony, region, ring, recording), window,
                new AttemptLimits(maxAttempts, perDay, order), retry, new AbandonRules(target, abandonWindow, connect),
                new AmdSettings(amd, action, falseMachine, auditShare), new RobotSettings(scriptId, robots), zone,
                new CampaignSchedule(start, stop), weights == null || weights.isEmpty() ? null : weights, b.rowVersion());
    }

    static String tidyNumber(String number) {
        String trimmed = number.trim();
        if (!trimmed.matches("\\+?[0-9 ()./\\-]*")) {
            return trimmed; // letters or other signs: refused below as written, not silently dropped
        }
        return (trimmed.startsWith("+") ? "+" : "") + trimmed.replaceAll("[^0-9]", "");
    }

    private CallingWindow window(CallingWindow base, CampaignForm f) {
        LocalTime start = time("windowStart", f.windowStart(), base.start());
        LocalTime end = time("windowEnd", f.windowEnd(), base.end());
        if (f.windowDays() != null && f.windowDays().size() > 7) {
            errors.add(new FieldError("windowDays", "at most the 7 days of the week"));
            return base;
        }
        if (f.holidays() != null && f.holidays().size() > MAX_DATES) {
            errors.add(new FieldError("holidays", "at most " + MAX_DATES + " dates"));
            return base;
        }
        String days = f.windowDays() == null ? base.daysText() : String.join(",", f.windowDays());
        String holidays = f.holidays() == null ? base.holidaysText() : String.join(",", f.holidays());
        try {
            return CallingWindow.parse(days, start, end, holidays);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().contains("holiday") ? "holidays"
                    : e.getMessage().contains("day") ? "windowDays" : "windowEnd";
            errors.add(new FieldError(field, e.getMessage()));
            return base;
        }
    }

    private LocalTime time(String field, String text, LocalTime base) {
        if (text == null) {
            return base;
        }
        try {
            return LocalTime.parse(text.trim());
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, Problems.quote(text) + " is not a time of day (HH:mm)"));
            return base;
        }
    }

    private Instant instant(String field, String text, Instant base) {
        if (text == null) {
            return base;
        }
        if (text.isBlank()) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(text.trim());
        } catch (DateTimeException e) {
            errors.add(new FieldError(field, Problems.quote(text) + " is not an ISO-8601 instant, e.g. 2026-12-01T09:00:00Z"));
            return base;
        }
        if (at.isBefore(EARLIEST_SCHEDULE) || !at.isBefore(LATEST_SCHEDULE)) {
            errors.add(new FieldError(field, "between " + EARLIEST_SCHEDULE + " and " + LATEST_SCHEDULE));
            return base;
        }
        return at;
    }

    private int number(String field, Integer value, int base, int min, int max) {
        int v = value == null ? base : value;
        check(field, v >= min && v <= max, "between " + min + " and " + max);
        return v;
    }

    private Duration seconds(String field, Integer value, Duration base) {
        if (value == null) {
            return base;
        }
        check(field, value >= 0 && value <= MAX_RETRY_SECONDS, "between 0 and " + MAX_RETRY_SECONDS + " seconds (90 days)");
        return Duration.ofSeconds(Math.max(0, Math.min(value, MAX_RETRY_SECONDS)));
    }

    private <T> T parse(String field, String text, T base, Function<String, T> parser, String expected) {
        if (text == null) {
            return base;
        }
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            errors.add(new FieldError(field, Problems.quote(text) + " is not valid: " + expected));
            return base;
        }
    }

    private void check(String field, boolean ok, String expected) {
        if (!ok) {
            errors.add(new FieldError(field, expected));
        }
    }
}
