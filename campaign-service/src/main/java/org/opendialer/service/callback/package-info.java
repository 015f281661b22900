/** Callbacks: booked by an agent (for themselves or anyone) or by the robot, fired on time in the callee's local time by Quartz. */
package org.opendialer.service.callback;
