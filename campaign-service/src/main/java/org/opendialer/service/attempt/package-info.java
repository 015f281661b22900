/**
 * Attempts: one call placed to one lead, from dialling to disposition. This feature alone reads and writes
 * {@code call_attempts}; the others ask it ({@link org.opendialer.service.attempt.AttemptQueries}) or hear what
 * happened ({@link org.opendialer.service.attempt.AttemptEvent}) instead of reading the table themselves.
 */
package org.opendialer.service.attempt;
