/**
 * Time-driven work on Quartz with its JDBC job store on the application's database (clustered, so with
 * several instances on one MySQL each job runs once): scheduled campaign start and stop, callbacks, and
 * the nightly roll-up.
 */
package org.opendialer.service.schedule;
