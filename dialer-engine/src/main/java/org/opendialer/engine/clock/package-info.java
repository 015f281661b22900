/** The one clock all engine code reads time from, with a simulated (discrete-event) and a real implementation. */
package org.opendialer.engine.clock;
