/** Reports served by the campaign service: the request a user makes (campaign, type, format, dates) and the REST endpoint. */
package org.opendialer.service.report;
