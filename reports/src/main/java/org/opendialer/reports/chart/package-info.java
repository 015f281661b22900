/** Report charts drawn with JFreeChart, rendered to SVG (JFreeSVG) for HTML and to PNG. */
package org.opendialer.reports.chart;
