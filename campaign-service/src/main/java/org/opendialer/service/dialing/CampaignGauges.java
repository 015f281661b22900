package org.opendialer.service.dialing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.opendialer.engine.dialer.DialerMetrics;

/**
 * A running campaign's gauges (dial level, lines, abandon rates, occupancy, calls placed). They are read on
 * the metrics scrape, off the campaign's clock thread: a run that is no longer current, or that cannot
 * answer, reports the last metrics it published.
 */
final class CampaignGauges {

    private CampaignGauges() {
    }

    static void register(MeterRegistry meters, CampaignRun run, Predicate<CampaignRun> current) {
        Tags tags = Tags.of("campaign", Long.toString(run.campaign().id()), "name", run.campaign().name());
        gauge(meters, "dialer.campaign.dial.level", tags, run, current, DialerMetrics::dialLevel);
        gauge(meters, "dialer.campaign.lines.in.use", tags, run, current, DialerMetrics::linesInUse);
        gauge(meters, "dialer.campaign.abandon.rate", tags, run, current, DialerMetrics::abandonRateWindow);
        gauge(meters, "dialer.campaign.abandon.rate.today", tags, run, current, DialerMetrics::abandonRateToday);
        gauge(meters, "dialer.campaign.occupancy", tags, run, current, DialerMetrics::occupancy);
        gauge(meters, "dialer.campaign.calls.placed", tags, run, current, DialerMetrics::callsPlaced);
    }

    private static void gauge(MeterRegistry meters, String name, Tags tags, CampaignRun run, Predicate<CampaignRun> current,
                              ToDoubleFunction<DialerMetrics> value) {
        Gauge.builder(name, run, r -> {
            DialerMetrics m = current.test(r) ? safeMetrics(r) : r.lastMetrics();
            return m == null ? Double.NaN : value.applyAsDouble(m);
        }).tags(tags).register(meters);
    }

    private static DialerMetrics safeMetrics(CampaignRun run) {
        try {
            return run.metrics();
        } catch (RuntimeException e) {
            return run.lastMetrics();
        }
    }
}
