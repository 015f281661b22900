/** Identities and values of a call attempt shared by pacing, telephony and the campaign service. */
package org.opendialer.engine.call;
