package org.opendialer.reports.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;

/** A chart with nothing to show still has a readable value axis, from zero to at least one. */
class ChartsTest {

    private static Range valueAxis(JFreeChart chart) {
        Charts.svg(chart); // the axis settles its range as the chart is drawn
        return chart.getCategoryPlot().getRangeAxis().getRange();
    }

    @Test
    void aBarChartOfZeroesRunsFromZeroToAtLeastOne() {
        Map<String, Double> hours = new LinkedHashMap<>();
        hours.put("09:00", 0.0);
        hours.put("10:00", 0.0);

        Range range = valueAxis(Charts.bars("Connect rate by hour of day", "hour", "%", hours));

        assertThat(range.getLowerBound()).isEqualTo(0.0);
        assertThat(range.getUpperBound()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void anEmptyLineChartRunsFromZeroToAtLeastOne() {
        Range range = valueAxis(Charts.lines("Dial level", "time", "", Map.of()));

        assertThat(range.getLowerBound()).isEqualTo(0.0);
        assertThat(range.getUpperBound()).isGreaterThanOrEqualTo(1.0);
    }

    @Test
    void realValuesKeepTheirOwnScale() {
        Range range = valueAxis(Charts.bars("Leads by grade", "grade", "leads", Map.of("A", 40, "B", 12)));

        assertThat(range.getUpperBound()).isGreaterThanOrEqualTo(40.0).isLessThan(60.0);
    }
}
