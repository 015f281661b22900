/**
 * The conversation engine: runs a talk track over a call's audio channel (FastAGI on Asterisk, or a
 * simulated callee), records each turn, and ends with an outcome: transfer with a briefing, a callback,
 * do-not-call, or a disposition.
 */
package org.opendialer.speech.robot;
