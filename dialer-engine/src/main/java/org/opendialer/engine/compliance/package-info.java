/**
 * The abandoned-call rules: abandon rate over a rolling window against the campaign's target, the
 * two-second connect rule, and the 72-hour ban on redialling a number whose call was abandoned.
 */
package org.opendialer.engine.compliance;
