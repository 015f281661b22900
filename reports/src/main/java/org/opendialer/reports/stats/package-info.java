/** Campaign, agent and script-funnel statistics over a date range, in the campaign's own time zone. */
package org.opendialer.reports.stats;
