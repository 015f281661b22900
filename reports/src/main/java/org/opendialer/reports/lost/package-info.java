/** Lost-customer status from imported customer history and what the callee said, and the win-back ranking. */
package org.opendialer.reports.lost;
