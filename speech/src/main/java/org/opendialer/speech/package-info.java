/**
 * The speech robot: text to speech (MaryTTS), speech recognition (Vosk), intent tagging, talk tracks and
 * the conversation engine that runs them over a call's audio. Engines sit behind ports
 * ({@code SpeechSynthesizer}, {@code SpeechRecognizer}, {@code AudioChannel}); no MaryTTS or Vosk type
 * leaves its adapter.
 */
package org.opendialer.speech;
