/**
 * Running campaigns: each running campaign is one engine {@code CampaignDialer} fed by a lead hopper,
 * recording into the database, on its own clock thread, through the campaign's telephony. Agents' commands
 * and status questions are handed to that thread.
 */
package org.opendialer.service.dialing;
