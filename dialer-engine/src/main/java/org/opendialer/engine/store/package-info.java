/**
 * The dialer's storage seams made non-blocking for the clock thread: a write-behind queue in front of the attempt
 * store (ordered, batched, journalled so a crash loses nothing the dialer acted on), attempt ids handed out from
 * blocks reserved ahead, and a lead source refilled ahead on its own thread. Each port has a real adapter in the
 * service and an in-memory one here.
 */
package org.opendialer.engine.store;
