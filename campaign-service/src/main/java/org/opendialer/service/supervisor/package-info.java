/**
 * The supervisor on the live dashboard: one row per logged-in agent across the running campaigns, and listening to,
 * whispering to or barging in on an agent's call from the supervisor's own browser phone (ChanSpy), each audited.
 */
package org.opendialer.service.supervisor;
