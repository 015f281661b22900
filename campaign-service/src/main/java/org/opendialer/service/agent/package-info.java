/** The agent's desk and user administration: signing in to a campaign, ready, pause, wrap-up, preview dialling. */
package org.opendialer.service.agent;
