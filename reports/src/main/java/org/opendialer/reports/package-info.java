/**
 * Reports over the dialer's database, in plain Java and JDBC: leads ranked by interest (score and grade
 * A-D with the reason), lost-customer status and the win-back list, campaign, agent and script-funnel
 * statistics, and their export to CSV, XLSX and HTML with charts.
 */
package org.opendialer.reports;
