/** The sentence-embedding adapter: all-MiniLM-L6-v2 on ONNX Runtime, in-process. Its types stay in here. */
package org.opendialer.speech.intent.minilm;
