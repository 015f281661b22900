/**
 * Telephony through Asterisk servers over AMI with Asterisk-Java's {@code ManagerConnection}: originate,
 * follow each call by the unique id the dialer chose for it, map Asterisk's outcomes onto attempt results,
 * redirect answered calls to agents, the robot or the safe-harbour message. Asterisk-Java types stay here.
 */
package org.opendialer.engine.asterisk;
