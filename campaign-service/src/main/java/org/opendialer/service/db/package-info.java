/** The application's one DataSource, opened and migrated before any other bean uses it. */
package org.opendialer.service.db;
