/** Dispositions: what an agent (or the robot) concluded about a call, and what that does to its lead. */
package org.opendialer.service.disposition;
