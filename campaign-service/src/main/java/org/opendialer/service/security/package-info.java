/**
 * Who may do what: sign-in (form for people, HTTP Basic for API clients), roles by path, the agent's own
 * calls and leads, the first administrator, and the audit log of playbacks and exports.
 */
package org.opendialer.service.security;
