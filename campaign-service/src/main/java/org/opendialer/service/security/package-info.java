/**
 * Who may do what: sign-in (form for people; API tokens or HTTP Basic for scripts) with one password check
 * and one lock-out count for every way in, roles by path, the agent's own calls and leads, each user's own
 * account (password, tokens), the first administrator, the refusal to serve with the demo's published
 * passwords, and the audit log of playbacks, exports and failed sign-ins.
 */
package org.opendialer.service.security;
