/** Campaigns: their settings and validation, calling windows in the callee's local time, lifecycle and REST API. */
package org.opendialer.service.campaign;
