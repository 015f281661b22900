/** Talk tracks: the YAML format, loading with variables from lead fields, and validation that names the node at fault. */
package org.opendialer.speech.script;
