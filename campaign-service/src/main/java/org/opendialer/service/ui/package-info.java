/**
 * The browser UI: server-rendered pages (Thymeleaf, strings from message bundles in English and Chinese)
 * that act through the same REST API as every other client, and server-sent events that push a campaign's
 * live status to the manager's dashboard and an agent's state to their desktop.
 */
package org.opendialer.service.ui;
