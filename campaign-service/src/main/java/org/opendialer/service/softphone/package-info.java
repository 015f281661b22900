/**
 * The browser phone: each agent's and supervisor's WebRTC endpoint on Asterisk (written into a pjsip include file
 * and reloaded over AMI), the credentials a signed-in page is given, and the call controls an agent uses on the
 * call in front of them (hang up, hold, keypad, recording pause), on Asterisk through AMI and on the simulated PBX
 * on the simulated call.
 */
package org.opendialer.service.softphone;
