/**
 * The robot on live calls: Asterisk's AudioSocket protocol (a TCP server that only the configured Asterisk
 * hosts may reach), 20 ms frames both ways, voice-activity and end-of-speech detection, barge-in, streaming
 * recognition, and the timings of every turn.
 */
package org.opendialer.speech.live;
