/** Where a phone number is registered (号码归属地), for lead reports and the lead's page. */
package org.opendialer.reports.location;
