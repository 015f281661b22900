/** Users and agents: accounts with roles, agents' phones and skills, and the log of every agent state change. */
package org.opendialer.service.agent;
