package org.opendialer.reports.chart;

import java.awt.Color;
import java.awt.Rectangle;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.category.CategoryDataset;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/** The report charts: one series or several over categories (hours, grades, nodes), as bars or lines. */
public final class Charts {

    public static final int WIDTH = 720;
    public static final int HEIGHT = 320;

    private Charts() {
    }

    /** A bar chart of {@code values} by category (insertion order kept). */
    public static JFreeChart bars(String title, String categoryAxis, String valueAxis, Map<String, ? extends Number> values) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        values.forEach((category, value) -> data.addValue(value, valueAxis, category));
        JFreeChart chart = ChartFactory.createBarChart(title, categoryAxis, valueAxis, data, PlotOrientation.VERTICAL, false, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        return readableWhenFlat(chart);
    }

    /** A line chart with one line per series, over the same categories. */
    public static JFreeChart lines(String title, String categoryAxis, String valueAxis, Map<String, Map<String, ? extends Number>> series) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        series.forEach((name, points) -> points.forEach((category, value) -> data.addValue(value, name, category)));
        JFreeChart chart = ChartFactory.createLineChart(title, categoryAxis, valueAxis, data, PlotOrientation.VERTICAL, true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        return readableWhenFlat(chart);
    }

    /**
     * With no data, or every value zero, the automatic range shrinks to nothing around zero (an axis from -5E-9
     * to 5E-9, or -0.5 to 0.5); such a chart gets the fixed range 0 to 1 instead. Values are rates and counts,
     * never negative.
     */
    private static JFreeChart readableWhenFlat(JFreeChart chart) {
        NumberAxis axis = (NumberAxis) chart.getCategoryPlot().getRangeAxis();
        CategoryDataset data = chart.getCategoryPlot().getDataset();
        double highest = 0;
        for (int row = 0; row < data.getRowCount(); row++) {
            for (int column = 0; column < data.getColumnCount(); column++) {
                Number value = data.getValue(row, column);
                highest = value == null ? highest : Math.max(highest, value.doubleValue());
            }
        }
        axis.setAutoRangeIncludesZero(true);
        if (highest <= 0) {
            axis.setRange(0, 1);
        }
        return chart;
    }

    public static String svg(JFreeChart chart) {
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, HEIGHT);
        chart.draw(g, new Rectangle(0, 0, WIDTH, HEIGHT));
        return g.getSVGElement();
    }

    public static byte[] png(JFreeChart chart) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT);
        return out.toByteArray();
    }
}
