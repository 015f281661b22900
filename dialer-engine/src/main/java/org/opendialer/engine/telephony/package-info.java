/**
 * The telephony port: how the engine places calls and hears what became of them. One real adapter
 * (Asterisk over AMI) and one simulated PBX implement it; no telephony library type crosses it.
 */
package org.opendialer.engine.telephony;
