/** The speech robot in the campaign service: talk tracks stored per campaign, and robot calls whose turns and outcome are recorded. */
package org.opendialer.service.robot;
