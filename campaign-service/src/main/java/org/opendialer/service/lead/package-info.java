/**
 * Leads while a campaign dials them: the hopper that claims callable leads (inside each lead's calling
 * window, under its attempt limits, not on a DNC list, not held by another instance), the attempt
 * recorder that stores every call and decides when its lead is tried again, and the DNC list.
 */
package org.opendialer.service.lead;
