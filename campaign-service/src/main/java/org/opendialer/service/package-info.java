/**
 * The campaign service: the Spring Boot application that owns campaigns, leads, agents and schedules,
 * feeds the pacing engine and serves the REST API and web UI. Packages are by feature.
 */
package org.opendialer.service;
