/** Interest scoring: everything known about a lead turned into a score 0-100, a grade A-D and the reason for it. */
package org.opendialer.reports.ranking;
