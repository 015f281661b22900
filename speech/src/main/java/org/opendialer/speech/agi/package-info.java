/**
 * The robot on Asterisk: a FastAGI server (Asterisk-Java's {@code DefaultAgiServer}) that the dialplan sends
 * answered robot calls to. Prompts are written as 8 kHz WAV files to a sound directory Asterisk shares
 * (e.g. over NFS or on the same host) and played with STREAM FILE; answers are taken with RECORD FILE and
 * read back from there. Asterisk-Java types stay in this package.
 */
package org.opendialer.speech.agi;
